import type { Workflow, WorkflowSnapshot } from '@flowkit/core'
import { useSyncExternalStore } from 'react'

/**
 * What `selector` picks from the workflow's snapshot, re-rendering when that changes (`Object.is`): zustand's
 * `useStore(workflow.store, selector)`, which this replaces to ship no second binding. The server, and the
 * client's hydration pass, read the store's initial snapshot, so both render the same markup.
 */
export const useSelector = <T, S extends object = any, K extends string = string>(
  workflow: Workflow<S, K>,
  selector: (snapshot: WorkflowSnapshot<S, K>) => T,
): T => {
  const { store } = workflow
  return useSyncExternalStore(
    store.subscribe,
    () => selector(store.getState()),
    () => selector(store.getInitialState()),
  )
}
