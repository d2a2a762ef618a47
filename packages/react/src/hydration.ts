import type { Workflow } from '@flowkit/core'
import { getPersistApi } from '@flowkit/core/persist'

/** What React needs to know about a workflow's reads of storage. */
export interface HydrationTracker {
  /** Stored state is being written into the store right now (a rehydration is not a user's step change). */
  readonly now: boolean
  /** Counts finished reads of storage, so that step content can remount when restored values arrive. */
  readonly count: number
  /** The workflow was created with `persist`. */
  readonly persisted: boolean
  /** Stored state has been read once (always true without `persist`). */
  hydrated(): boolean
  subscribe(listener: () => void): () => void
}

const trackers = new WeakMap<Workflow, HydrationTracker>()

const ALWAYS: HydrationTracker = { now: false, count: 0, persisted: false, hydrated: () => true, subscribe: () => () => {} }

const track = (workflow: Workflow): HydrationTracker => {
  const api = getPersistApi(workflow)
  if (!api) return ALWAYS
  const listeners = new Set<() => void>()
  const state = { now: false, count: 0, done: false, before: workflow.store.getState() }
  api.onHydrate(() => {
    state.now = true
    state.before = workflow.store.getState()
  })
  api.onFinishHydration(() => {
    state.now = false
    // Only a read that changed the store counts: content that showed the right values needs no remount.
    if (workflow.store.getState() !== state.before) state.count++
    state.done = true
    for (const listener of listeners) listener()
  })
  return {
    get now() {
      return state.now
    },
    get count() {
      return state.count
    },
    persisted: true,
    // Once read, always read: a later `rehydrate()` does not bring the fallback back.
    hydrated: () => state.done || api.hasHydrated(),
    subscribe: (listener) => {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
  }
}

/** The workflow's hydration tracker; the first call starts listening, so make it before storage can be read. */
export const hydrationOf = (workflow: Workflow): HydrationTracker => {
  let tracker = trackers.get(workflow)
  if (!tracker) {
    tracker = track(workflow)
    trackers.set(workflow, tracker)
  }
  return tracker
}

/** Whether the workflow's store is being replaced by stored state right now (a rehydration is not a user's step change). */
export const isHydrating = (workflow: Workflow): boolean => hydrationOf(workflow).now
