import type { Workflow, WorkflowSnapshot } from '@flowkit/core'
import { cached } from './cached'
import { isHydrating } from './hydration'
import { stepKey } from './stepKey'

/**
 * How the user got to the step on screen: `'forward'` by completing one (or finishing the flow),
 * `'back'` one step back on the path (`back()`, or `goTo` the previous step), `'jump'` anywhere else
 * (`goTo` further back, `reset`), `'none'` before any move and when the step was restored from storage.
 */
export type StepDirection = 'forward' | 'back' | 'jump' | 'none'

/** The direction of the move from `previous` to `next`, by their paths. */
export const directionOf = (previous: WorkflowSnapshot, next: WorkflowSnapshot): StepDirection => {
  if (next.status === 'done') return 'forward'
  if (previous.status === 'done') return next.history.length === previous.history.length ? 'back' : 'jump'
  const delta = next.history.length - previous.history.length
  return delta > 0 ? 'forward' : delta === -1 ? 'back' : 'jump'
}

interface Tracker {
  seen: WorkflowSnapshot | undefined
  direction: StepDirection
}

const trackers = new WeakMap<Workflow, Tracker>()

/**
 * The direction of the last step change of `workflow` as of `snapshot`. Every selector sees the store's
 * snapshots in order, so the first to see a new one records the change for all of them.
 */
export const trackDirection = (workflow: Workflow, snapshot: WorkflowSnapshot): StepDirection => {
  const tracker = cached(trackers, workflow, (): Tracker => ({ seen: undefined, direction: 'none' }))
  const { seen } = tracker
  if (seen !== snapshot) {
    tracker.seen = snapshot
    if (seen && stepKey(seen) !== stepKey(snapshot)) tracker.direction = isHydrating(workflow) ? 'none' : directionOf(seen, snapshot)
  }
  return tracker.direction
}
