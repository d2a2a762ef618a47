import type { ReactNode } from 'react'
import { type StepKey, stepNames } from './stepNames'
import { useKnownNames } from './useKnownStep'
import { useHydrationKey } from './useWorkflowHydrated'
import { useWorkflowState } from './useWorkflowState'
import { StepContext } from './WorkflowContext'

export interface WorkflowStepProps<K extends string = string> {
  /**
   * The step whose content this is; or, for a sub-flow's or repeat's steps, a name that covers several
   * (see `WorkflowSteps`' `steps`): `'dependants.*.age'`, `'address.street'`, a group such as `'billing'`.
   * Children then call `useStepGroup()` to know which step they show.
   */
  readonly name: StepKey<K> | `${string}.${string}`
  readonly children?: ReactNode
}

/**
 * Renders its children only while `name` is the current step (and the flow is not done): other and
 * skipped steps never mount. Children can call `useStep()`. They remount when stored values replace
 * what they showed, so uncontrolled forms read the restored draft as their defaults.
 * @example
 * <WorkflowStep name="payment"><Payment /></WorkflowStep>
 */
export function WorkflowStep<K extends string = string>({ name, children }: WorkflowStepProps<K>) {
  const workflow = useKnownNames([name], process.env.NODE_ENV !== 'production' && '<WorkflowStep name>')
  const restored = useHydrationKey(workflow)
  const step = useWorkflowState((s) =>
    s.status !== 'done' && (s.step === name || stepNames(workflow.definition, s.step).includes(name)) ? s.step : null,
  )
  return step !== null ? (
    // A name covering several steps remounts its children per step (no local state leaks between them);
    // an exact name keeps them, as before, so a wrapper such as <StepTransition> lives across moves.
    <StepContext.Provider value={step} key={step === name ? restored : `${step}\u0000${restored}`}>
      {children}
    </StepContext.Provider>
  ) : null
}
