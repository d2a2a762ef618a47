import type { ReactNode } from 'react'
import { useWorkflowState } from './useWorkflowState'

/**
 * Renders its children once the flow is done (its final step completed).
 * @example
 * <WorkflowDone><p>Thank you, your order is placed.</p></WorkflowDone>
 */
export function WorkflowDone({ children }: { readonly children?: ReactNode }) {
  return useWorkflowState((s) => s.status === 'done') ? children : null
}
