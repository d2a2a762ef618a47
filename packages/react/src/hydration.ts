import type { Workflow } from '@flowkit/core'
import { getPersistApi } from '@flowkit/core/persist'

const hydrating = new WeakMap<Workflow, { now: boolean }>()

/** Whether the workflow's store is being replaced by stored state right now (a rehydration is not a user's step change). */
export const isHydrating = (workflow: Workflow): boolean => {
  let flag = hydrating.get(workflow)
  if (!flag) {
    const state = { now: false }
    flag = state
    const api = getPersistApi(workflow)
    api?.onHydrate(() => {
      state.now = true
    })
    api?.onFinishHydration(() => {
      state.now = false
    })
    hydrating.set(workflow, flag)
  }
  return flag.now
}
