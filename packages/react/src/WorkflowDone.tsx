import type { ReactNode } from 'react'
import { DoneArrival } from './DoneArrival'
import { useWorkflowState } from './useWorkflowState'

/**
 * Renders its children once the flow is done (its final step completed), in a `<div>` that moves focus to
 * their first heading when the user arrives from the final step.
 * @example
 * <WorkflowDone><p>Thank you, your order is placed.</p></WorkflowDone>
 */
export function WorkflowDone({ children }: { readonly children?: ReactNode }) {
  return useWorkflowState((s) => s.status === 'done') ? <DoneArrival>{children}</DoneArrival> : null
}
