import { compile } from '../definition/compile'
import { stepOf } from '../kernel/choose'
import { getDraft } from '../kernel/drafts'
import { NO_ISSUES, update } from '../kernel/state'
import type { WorkflowSnapshot } from '../types'
import { WorkflowError } from '../WorkflowError'
import { type Runtime, submit } from './submit'

/**
 * `goTo` a step further on: completes the steps in between with their drafts (what the user answered
 * before), each validated and run like `next()`, and stops at the first one whose answer is missing
 * or no longer holds, with `FORWARD_BLOCKED` on the snapshot (and that step's `issues`). Synchronous
 * while the steps are; the returned snapshot is then where it stopped. With async steps it is `busy`,
 * and the store moves on as each resolves.
 */
export const forward = (rt: Runtime, target: string): WorkflowSnapshot => {
  const { def } = rt
  const c = compile(def)
  // Callers pass `dev && '…'`, so production bundles drop the reasons' text too.
  const dev = process.env.NODE_ENV !== 'production'
  const blocked = (why: string | false, cause?: WorkflowError) => {
    const error = new WorkflowError('FORWARD_BLOCKED', dev && why && `goTo('${target}') stopped at '${rt.current().state.step}': ${why}.`, {
      category: 'transition',
      step: rt.current().state.step,
      details: { target },
      cause,
    })
    // The step's own issues (if validation refused its answer) stay on the snapshot beside the error.
    return rt.commit(update(rt.current().state, { error }))
  }
  let hops = 0
  const go = (): WorkflowSnapshot | Promise<WorkflowSnapshot> => {
    for (;;) {
      const { state: s } = rt.current()
      if (s.step === target) return rt.store.getState()
      // Never finishes the flow on the way: completing the final step is the user's own decision.
      if (stepOf(def, s.step).final) return blocked(dev && `the answers lead to the end of the flow without passing '${target}'`)
      if (hops++ > c.ids.length * 4) return blocked(dev && `the answers go round in a loop before reaching '${target}'`)
      const draft = getDraft(s.drafts, c.shift, c.index.get(s.step) as number)
      if (draft === undefined && stepOf(def, s.step).validate && !stepOf(def, s.step).summary)
        return blocked(dev && 'it has no answer yet; answer it to go on')
      const done = submit(rt, draft)
      if (rt.pending) return done.then((snap) => stopped(snap) ?? go())
      const stop = stopped(rt.store.getState())
      if (stop) return stop
    }
  }
  /** The snapshot to end with when the step just submitted did not go through. */
  const stopped = (snap: WorkflowSnapshot): WorkflowSnapshot | undefined => {
    if (snap.issues !== NO_ISSUES) return blocked(dev && 'its answer no longer validates; correct it and continue')
    if (snap.error) return blocked(dev && `it failed (${snap.error.code}): ${snap.error.message}`, snap.error)
    return undefined
  }
  const result = go()
  return result instanceof Promise ? rt.store.getState() : result
}
