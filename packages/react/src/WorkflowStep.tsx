import type { ReactNode } from 'react'
import { useKnownStep } from './useKnownStep'
import { useHydrationKey } from './useWorkflowHydrated'
import { useWorkflowState } from './useWorkflowState'
import { StepContext } from './WorkflowContext'

export interface WorkflowStepProps<K extends string = string> {
  /** The step whose content this is. */
  readonly name: K
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
  const workflow = useKnownStep([name], '<WorkflowStep name>')
  const restored = useHydrationKey(workflow)
  const current = useWorkflowState((s) => s.status !== 'done' && s.step === name)
  return current ? (
    <StepContext.Provider value={name} key={restored}>
      {children}
    </StepContext.Provider>
  ) : null
}
