import type { Workflow } from '@flowkit/core'
import { useContext, useSyncExternalStore } from 'react'
import { fail } from './fail'
import { hydrationOf } from './hydration'
import { WorkflowContext } from './WorkflowContext'

/**
 * Whether the workflow's persisted state has been read, so what shows is what the user left (always
 * `true` without `persist`). `useWorkflow` reads storage in an effect after the first render, so
 * server and client agree on the first markup; this turns `true` right after. Without an argument it
 * reads the provider's workflow.
 * @example
 * const hydrated = useWorkflowHydrated(workflow)
 * return hydrated ? <WorkflowSteps steps={steps} /> : <Spinner />
 */
export function useWorkflowHydrated(workflow?: Workflow<any, any>): boolean {
  const context = useContext(WorkflowContext)
  const target =
    workflow ??
    context?.workflow ??
    fail(
      'NO_PROVIDER',
      process.env.NODE_ENV !== 'production' &&
        'useWorkflowHydrated() needs a workflow: pass it (useWorkflowHydrated(workflow)) or call it inside <WorkflowProvider workflow={...}>.',
    )
  return useHydrated(target)
}

/** `useWorkflowHydrated(workflow)` for the library's own components, which have the workflow at hand. */
export const useHydrated = (workflow: Workflow): boolean => {
  const tracker = hydrationOf(workflow)
  // The server never reads storage: a persisted flow is not hydrated there, nor in the client's hydration pass.
  return useSyncExternalStore(tracker.subscribe, tracker.hydrated, () => !tracker.persisted)
}

/** A number that changes when a read of storage changed the workflow: a `key` that remounts step content then. */
export const useHydrationKey = (workflow: Workflow): number => {
  const tracker = hydrationOf(workflow)
  return useSyncExternalStore(
    tracker.subscribe,
    () => tracker.count,
    () => 0,
  )
}
