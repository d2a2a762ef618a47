import type { Workflow } from '@flowkit/core'
import { useWorkflowContext } from './WorkflowContext'

/**
 * The provider's workflow instance, to call `next`, `goTo`, `reset`… from any component. It never re-renders
 * the component; read state with `useWorkflowState`.
 * @example
 * const workflow = useWorkflowInstance()
 * return <button type="button" onClick={() => workflow.reset()}>Start over</button>
 */
export function useWorkflowInstance<S extends object = any, K extends string = string>(): Workflow<S, K> {
  return useWorkflowContext(process.env.NODE_ENV !== 'production' && 'useWorkflowInstance()').workflow as Workflow<S, K>
}
