import { compile } from '../definition/compile'
import { stepOf } from '../kernel/choose'
import { getDraft } from '../kernel/drafts'
import { stateAt } from '../kernel/moves'
import { type FlowState, NO_ISSUES, update } from '../kernel/state'
import type { RepeatInput, WorkflowDefinition, WorkflowSnapshot } from '../types'
import { WorkflowError } from '../WorkflowError'
import { type Runtime, submit } from './submit'

/**
 * What going forward gives the current step when it is a repeat's summary: `add` again while it has fewer
 * items than when the user last went on past it (`RepeatSummary.walkInput`), so the items answered before come back.
 */
export const walkInput = (def: WorkflowDefinition, s: FlowState, target?: string): RepeatInput | undefined =>
  stepOf(def, s.step).summary?.walkInput(stateAt(def, s.frame), s.drafts, compile(def), target)

/**
 * `goTo` a step further on: completes the steps in between with their drafts (what the user answered
 * before), each validated and run like `next()`, and stops on the first step the user has to look at,
 * left just as `next()` leaves it: a step with no answer yet (nothing set: answer it to go on), an
 * answer that no longer validates (that step's `issues`), a failed action or a choice the answers
 * do not lead on from (that step's own `error`, so `userMessage` says what the action said).
 * `snapshot.step !== target` tells it stopped short. Only when the answers cannot reach the target
 * (they lead to the end of the flow, or round a loop) is the error `FORWARD_BLOCKED`. Synchronous while
 * the steps are; the returned snapshot is then where it stopped. With async steps it is `busy`, and
 * stays `busy` while the store moves on as each resolves, until the walk stops (`settled(flow)`).
 * A repeat's summary on the way (even as the target) adds back the items the user went on with last
 * time (`RepeatSummary.walkInput`), so the items answered before are kept, with or without a reload.
 */
export const forward = (rt: Runtime, target: string): WorkflowSnapshot => {
  const { def } = rt
  const c = compile(def)
  // Callers pass `dev && '…'`, so production bundles drop the reasons' text too.
  const dev = process.env.NODE_ENV !== 'production'
  const blocked = (why: string | false) => {
    const error = new WorkflowError('FORWARD_BLOCKED', dev && why && `goTo('${target}') stopped at '${rt.current().state.step}': ${why}.`, {
      category: 'transition',
      step: rt.current().state.step,
      details: { target },
    })
    return rt.commit(update(rt.current().state, { error }))
  }
  let hops = 0
  const go = (): WorkflowSnapshot | Promise<WorkflowSnapshot> => {
    for (;;) {
      const { state: s } = rt.current()
      const step = stepOf(def, s.step)
      const again = step.summary?.walkInput(stateAt(def, s.frame), s.drafts, c, target)
      if (s.step === target && !again) return rt.store.getState()
      // Never finishes the flow on the way: completing the final step is the user's own decision.
      if (step.final) return blocked(dev && `the answers lead to the end of the flow without passing '${target}'`)
      if (hops++ > c.ids.length * 4) return blocked(dev && `the answers go round in a loop before reaching '${target}'`)
      const draft = step.summary ? again : getDraft(s.drafts, c.shift, c.index.get(s.step) as number)
      // A step with no answer yet is where the user goes on by hand: the first step of a new branch, say.
      if (draft === undefined && step.validate && !step.summary)
        return s.error || s.issues !== NO_ISSUES ? rt.commit(update(s, { error: null, issues: NO_ISSUES })) : rt.store.getState()
      const done = submit(rt, draft)
      // A move meanwhile (back, a stepper jump, reset, another goTo) cancels the walk (`rt.cancel()` drops
      // `rt.walk`): it ends where the user went, even when a later answer put the same frames back.
      if (rt.pending) return done.then((snap) => (stopped(snap) || rt.walk !== walk ? rt.store.getState() : go()))
      const snap = rt.store.getState()
      if (stopped(snap)) return snap
    }
  }
  /** The step just submitted did not go through: its issues or its own error are on the snapshot, as after `next()`. */
  const stopped = (snap: WorkflowSnapshot): boolean => snap.issues !== NO_ISSUES || snap.error !== null
  const result = go()
  if (!(result instanceof Promise)) return result
  // The walk is one move: `busy` from its first async step to where it stops, not idle between steps.
  // A move meanwhile (back, reset) cancels the walk: its own commit is the one that ends it.
  const end = () => {
    if (rt.walk !== walk) return
    rt.walk = null
    rt.commit(rt.current().state)
  }
  const walk = result.then(end, end)
  rt.walk = walk
  return rt.store.getState()
}
