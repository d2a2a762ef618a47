import type { StoreApi } from 'zustand/vanilla'
import type { WorkflowSnapshot } from '../types'
import type { PersistApi } from './persist'

/** What a UI needs to know about a workflow's reads of storage (`@flowkit/react` reads it to gate and remount). */
export interface HydrationTracker {
  /** Stored state is being written into the store right now (a rehydration is not a user's step change). */
  readonly now: boolean
  /** Counts finished reads of storage that changed the store, so that step content can remount when restored values arrive. */
  readonly count: number
  /** The workflow was created with `persist`. */
  readonly persisted: boolean
  /** Stored state has been read once (always true without `persist`). */
  hydrated(): boolean
  subscribe(listener: () => void): () => void
}

/** Where `persist()` keeps a store's hydration tracker. A registered symbol, so two copies of core agree. */
export const HYDRATION: unique symbol = Symbol.for('flowkit.hydration')

/** Starts tracking the reads of storage of a persisted store and keeps the tracker on it, under `HYDRATION`. */
export const trackHydration = (store: StoreApi<WorkflowSnapshot> & { persist: PersistApi }): void => {
  const api = store.persist
  const listeners = new Set<() => void>()
  const state = { now: false, count: 0, done: false, before: store.getState() }
  api.onHydrate(() => {
    state.now = true
    state.before = store.getState()
  })
  api.onFinishHydration(() => {
    state.now = false
    // Only a read that changed the store counts: content that showed the right values needs no remount.
    if (store.getState() !== state.before) state.count++
    state.done = true
    for (const listener of listeners) listener()
  })
  const tracker: HydrationTracker = {
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
  ;(store as unknown as Record<symbol, HydrationTracker>)[HYDRATION] = tracker
}
