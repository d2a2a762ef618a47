import type { Workflow, WorkflowSnapshot } from '@flowkit/core'
import { useSelector } from './useSelector'
import { useWorkflowContext } from './WorkflowContext'

/**
 * Reads part of the workflow's snapshot and re-renders only when that part changes (`Object.is`),
 * through `useSyncExternalStore` as zustand's `useStore` does. Return a primitive or a reference the snapshot keeps (`s.progress`,
 * `s.history`, `s.state`); wrap derived objects in zustand's `useShallow`.
 * @example
 * const total = useWorkflowState((s) => s.state.cart.total)
 */
export function useWorkflowState<T, S extends object = any, K extends string = string>(
  selector: (snapshot: WorkflowSnapshot<S, K>) => T,
): T {
  const { workflow } = useWorkflowContext(process.env.NODE_ENV !== 'production' && 'useWorkflowState()')
  return useSelector(workflow as Workflow<S, K>, selector)
}
