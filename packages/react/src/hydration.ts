import type { Workflow } from '@flowkit/core'
import { HYDRATION, type HydrationTracker } from '@flowkit/core/persist'

export type { HydrationTracker }

const ALWAYS: HydrationTracker = { now: false, count: 0, persisted: false, hydrated: () => true, subscribe: () => () => {} }

/** The workflow's hydration tracker: the one `persist()` keeps on the store (listening from the start), or one that is always hydrated. */
export const hydrationOf = (workflow: Workflow): HydrationTracker =>
  (workflow.store as unknown as Partial<Record<symbol, HydrationTracker>>)[HYDRATION] ?? ALWAYS

/** Whether the workflow's store is being replaced by stored state right now (a rehydration is not a user's step change). */
export const isHydrating = (workflow: Workflow): boolean => hydrationOf(workflow).now
