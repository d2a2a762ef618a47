import type { WorkflowSnapshot } from '../types'
import type { Workflow } from './createWorkflow'

/**
 * Where the flow stands once it is not `busy`: at once when it is not, else when its async work ends
 * (a step's async validation or actions, or a forward `goTo` through async steps, which stays `busy`
 * until the walk stops). `snapshot`, one a move returned, is the answer when it is not busy. A move
 * meanwhile (`back`, `reset`) ends the wait where it went.
 * @example
 * const at = await settled(flow, flow.goTo('review'))
 * if (at.step !== 'review') showWhyItStopped(at)
 */
export const settled = <S extends object, K extends string>(
  workflow: Workflow<S, K>,
  snapshot: WorkflowSnapshot<S, K> = workflow.getSnapshot(),
): Promise<WorkflowSnapshot<S, K>> => {
  if (snapshot.status !== 'busy') return Promise.resolve(snapshot)
  // A busy snapshot from earlier whose work has ended since: where the flow stands now.
  const now = workflow.getSnapshot()
  return now.status !== 'busy'
    ? Promise.resolve(now)
    : new Promise((resolve) => {
        const unsubscribe = workflow.store.subscribe((s) => {
          if (s.status === 'busy') return
          unsubscribe()
          resolve(s)
        })
      })
}
