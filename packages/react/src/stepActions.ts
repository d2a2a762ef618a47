import type { Workflow, WorkflowSnapshot } from '@flowkit/core'
import { afterSubmit } from './afterSubmit'
import { valuesOf } from './stepDefaults'
import { validateInput } from './validateInput'

const isEvent = (value: unknown): value is { preventDefault(): void } =>
  typeof value === 'object' && value !== null && typeof (value as Event).preventDefault === 'function' && 'target' in value

/** The functions of `useStep()` for one step of one workflow: they read the store when called, never a render's copy. */
export const stepActions = <V extends object, K extends string>(workflow: Workflow, step: string) => {
  const getValues = (): Partial<V> => {
    const s = workflow.getSnapshot()
    return valuesOf(workflow, step, s.state, s.drafts[step]) as Partial<V>
  }
  return {
    getValues,
    setValues: (next: Partial<V>) => workflow.setDraft(step, next),
    submit: (input?: Partial<V> | { preventDefault(): void }) => {
      if (isEvent(input)) input.preventDefault()
      const now = workflow.getSnapshot()
      // A handler of a step already left (its form's late submit, a second click) must not complete the step now shown.
      if (now.step !== step) return Promise.resolve(now as WorkflowSnapshot<any, K>)
      const done = workflow.next(input === undefined || isEvent(input) ? getValues() : input)
      // After a check-answers page's Change link (`useCheckAnswers`), the submit goes on back to that page.
      const then = afterSubmit.get(workflow)
      return (then ? done.then((snapshot) => then(step, snapshot)) : done) as Promise<WorkflowSnapshot<any, K>>
    },
    validate: (input?: Partial<V>) => validateInput(workflow, step, input ?? getValues()),
    back: () => void workflow.back(),
  }
}
