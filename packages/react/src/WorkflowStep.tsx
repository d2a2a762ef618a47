import type { ReactNode } from 'react'
import { useKnownStep } from './useKnownStep'
import { useWorkflowState } from './useWorkflowState'
import { StepContext } from './WorkflowContext'

export interface WorkflowStepProps<K extends string = string> {
  /** The step whose content this is. */
  readonly name: K
  readonly children?: ReactNode
}

/**
 * Renders its children only while `name` is the current step (and the flow is not done): other and
 * skipped steps never mount. Children can call `useStep()`.
 * @example
 * <WorkflowStep name="payment"><Payment /></WorkflowStep>
 */
export function WorkflowStep<K extends string = string>({ name, children }: WorkflowStepProps<K>) {
  useKnownStep([name], '<WorkflowStep name>')
  const current = useWorkflowState((s) => s.status !== 'done' && s.step === name)
  return current ? <StepContext.Provider value={name}>{children}</StepContext.Provider> : null
}
