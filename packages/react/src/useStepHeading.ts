import { useCallback } from 'react'
import { focusOnArrival } from './arrivalFocus'
import { headingId } from './ids'
import { type CurrentStep, useCurrentStep } from './useCurrentStep'
import { useHydrated } from './useWorkflowHydrated'

/** Props for a step's heading: it takes focus when the user arrives at the step (not on a fresh page load). */
export interface StepHeadingAttributes {
  readonly id: string
  readonly tabIndex: -1
  readonly ref: (element: HTMLElement | null) => void
}

/**
 * Props that make an element the step's heading: on a step change, focus moves to it, so screen
 * reader and keyboard users start at the top of the new step (as on GOV.UK question pages). When the
 * flow itself opens after a click in the app (a landing page's Start button), its first heading takes
 * focus once stored state is read, unless the user already focused something else.
 * @example
 * const heading = useStepHeading()
 * return <h1 {...heading}>Payment</h1>
 */
export function useStepHeading(): StepHeadingAttributes {
  return useHeadingOf(useCurrentStep(process.env.NODE_ENV !== 'production' && 'useStepHeading()'))
}

/** `useStepHeading()` for a step whose context the caller already read (`useStep`). */
export const useHeadingOf = ({ workflow, idPrefix, step, focus }: CurrentStep): StepHeadingAttributes => {
  const hydrated = useHydrated(workflow)
  // A new callback once hydrated, and per step, so React calls it again with the element then on screen,
  // even when one heading element stays mounted across steps (a shared step frame).
  // biome-ignore lint/correctness/useExhaustiveDependencies: `step` is there to make a new callback per step
  const ref = useCallback(
    (element: HTMLElement | null) => {
      if (!element) return
      if (focus.pending) {
        focus.pending = false
        focusOnArrival(element)
      } else if (focus.initial && hydrated) {
        focus.initial = false
        const active = element.ownerDocument.activeElement
        if (active === null || active === element.ownerDocument.body) element.focus()
      }
    },
    [focus, hydrated, step],
  )
  return { id: headingId(idPrefix, step), tabIndex: -1, ref }
}
