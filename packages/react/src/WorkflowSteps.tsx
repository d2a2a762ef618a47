import type { ComponentType } from 'react'
import { useKnownStep } from './useKnownStep'
import { useWorkflowState } from './useWorkflowState'
import { StepContext } from './WorkflowContext'

export interface WorkflowStepsProps<K extends string = string> {
  /** A component per step; the current step's one is rendered, no other mounts. */
  readonly steps: { readonly [P in K]?: ComponentType }
  /** Rendered when the flow is done (its final step completed). @default nothing */
  readonly done?: ComponentType
  /** Rendered when the current step has no component in `steps`. @default nothing */
  readonly fallback?: ComponentType
}

/**
 * The map form of `<WorkflowStep>`: renders the current step's component, and only it.
 * @example
 * <WorkflowSteps steps={{ cart: Cart, payment: Payment, review: Review }} done={ThankYou} />
 */
export function WorkflowSteps<K extends string = string>({ steps, done: Done, fallback: Fallback }: WorkflowStepsProps<K>) {
  useKnownStep(Object.keys(steps), '<WorkflowSteps steps>')
  const step = useWorkflowState((s) => (s.status === 'done' ? null : (s.step as K)))
  if (step === null) return Done ? <Done /> : null
  const Step = (steps[step] as ComponentType | undefined) ?? Fallback
  // `key` remounts on a step change even when two steps share a component, so local state never leaks between steps.
  return Step ? (
    <StepContext.Provider value={step} key={step}>
      <Step />
    </StepContext.Provider>
  ) : null
}
