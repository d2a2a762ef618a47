import { useCallback } from 'react'
import { headingId } from './ids'
import { useCurrentStep } from './useCurrentStep'

/** Props for a step's heading: it takes focus when the user arrives at the step (not on the first render). */
export interface StepHeadingAttributes {
  readonly id: string
  readonly tabIndex: -1
  readonly ref: (element: HTMLElement | null) => void
}

/**
 * Props that make an element the step's heading: on a step change, focus moves to it, so screen
 * reader and keyboard users start at the top of the new step (as on GOV.UK question pages).
 * @example
 * const heading = useStepHeading()
 * return <h1 {...heading}>Payment</h1>
 */
export function useStepHeading(): StepHeadingAttributes {
  const { idPrefix, step, focus } = useCurrentStep('useStepHeading()')
  const ref = useCallback(
    (element: HTMLElement | null) => {
      if (element && focus.pending) {
        focus.pending = false
        element.focus()
      }
    },
    [focus],
  )
  return { id: headingId(idPrefix, step), tabIndex: -1, ref }
}
