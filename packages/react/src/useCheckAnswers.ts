import { useContext, useMemo, useSyncExternalStore } from 'react'
import { returnTargetOf } from './returnTarget'
import { StepContext, useWorkflowContext } from './WorkflowContext'

/** A check-answers page's "Change" links and the way back to it: see `useCheckAnswers`. */
export interface CheckAnswersApi<K extends string = string> {
  /**
   * A "Change" link: goes back to `step` to change its answer; submitting it (`useStep().submit`)
   * comes back to the step this was called from. Throws `NOT_VISITED` for a step not on the path taken.
   */
  change(step: K): void
  /** While a change is under way: the step a submit returns to, for the button's words ("Save and return to review"); else `null`. */
  readonly returning: K | null
  /** Ends the change under way: submits go on through the flow as usual. */
  cancel(): void
}

/** The server render knows of no change (one is kept in the browser's session). */
const none = () => null

/**
 * GOV.UK's "check your answers" pattern. On the check-answers step, `change('plan')` is a "Change"
 * link: back to that question, and its submit comes back through the answers given in between,
 * putting unchanged steps back as they were (their actions do not run again). The way back stops
 * where the user has something to do, as a Continue there would leave it: a step the new answer
 * brings in (no error: it has no answer yet), an answer that no longer holds (its `issues`), a failed
 * action or refused choice (its own `error`). The pages of a sub-flow the change is in (an address
 * over two pages) are shown in turn. On the changed step, `returning` says where the submit leads.
 * The change ends on arrival there by any move, when the flow finishes or is reset, or on `cancel()`;
 * with `persist` it survives a reload (in `sessionStorage`) for a step that calls this hook (for its
 * button's words, say), since the way back is set up by the first call. For one answer of a repeat's item,
 * `change('dependants')` then `useRepeat('dependants').change(1, 'dependants.1.birthDate')`.
 * @example
 * // The check-answers step
 * const { change } = useCheckAnswers()
 * <button type="button" onClick={() => change('plan')}>Change <span className="sr-only">plan</span></button>
 * // Every question's button
 * const { returning } = useCheckAnswers()
 * <button type="submit">{returning ? 'Save and return to your answers' : 'Continue'}</button>
 */
export function useCheckAnswers<K extends string = string>(): CheckAnswersApi<K> {
  const { workflow } = useWorkflowContext(process.env.NODE_ENV !== 'production' && 'useCheckAnswers()')
  const inStep = useContext(StepContext)
  const target = returnTargetOf(workflow)
  const returning = useSyncExternalStore(target.subscribe, target.get, none)
  const moves = useMemo(
    () => ({
      change(step: K) {
        const from = workflow.getSnapshot().step
        // A handler of a step already left must not start a change from the step now shown.
        // A second click (outside a step, where nothing else tells) is already on `step`: the first one's target stands.
        if ((inStep !== null && from !== inStep) || from === step) return
        workflow.goTo(step)
        target.setItem(undefined)
        target.set(from)
      },
      cancel: () => target.set(null),
    }),
    [workflow, target, inStep],
  )
  return { ...moves, returning: returning === null || returning === inStep ? null : (returning as K) }
}
