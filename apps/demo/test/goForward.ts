import type { Workflow, WorkflowSnapshot } from '@flowkit/core'

/**
 * `flow.goTo(target)`, awaited: a check-answers page's way back (what `useStep().submit` does after a
 * "Change" link) completes async steps on the way, and this resolves once the flow is no longer busy.
 */
export const goForward = <S extends object, K extends string>(flow: Workflow<S, K>, target: K): Promise<WorkflowSnapshot<S, K>> => {
  const moved = flow.goTo(target)
  if (moved.status !== 'busy') return Promise.resolve(moved)
  return new Promise((resolve) => {
    const unsubscribe = flow.subscribe((s) => {
      if (s.status === 'busy') return
      unsubscribe()
      resolve(s)
    })
  })
}
