import { type ReactNode, useCallback } from 'react'
import { focusOnArrival } from './arrivalFocus'
import { useWorkflowContext } from './WorkflowContext'

/**
 * Wraps what a finished flow shows (`<WorkflowDone>`, `<WorkflowSteps done>`): when the user arrives from the
 * final step, focus moves to its first heading (made focusable), or to the wrapper when it has none, as it
 * moves to a step's heading on every step change. A page loaded on a finished flow leaves focus alone.
 */
export function DoneArrival({ children }: { readonly children?: ReactNode }) {
  const { focus } = useWorkflowContext(process.env.NODE_ENV !== 'production' && '<WorkflowDone>')
  const ref = useCallback(
    (element: HTMLDivElement | null) => {
      if (!element || !focus.pending) return
      focus.pending = false
      const heading = element.querySelector<HTMLElement>('h1, h2, h3, h4, h5, h6')
      if (heading && !heading.hasAttribute('tabindex')) heading.tabIndex = -1
      focusOnArrival(heading ?? element)
    },
    [focus],
  )
  return (
    <div ref={ref} tabIndex={-1} data-flowkit-done="">
      {children}
    </div>
  )
}
