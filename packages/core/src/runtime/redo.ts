import { redo } from '../kernel/moves'
import type { FlowState, Frame } from '../kernel/state'
import type { WorkflowSnapshot } from '../types'
import type { Runtime } from './submit'

/**
 * The path a workflow left by going back (`back`, `goTo` a visited step): its last frame, and where
 * the flow stands on it. Going forward again over the same answers (`goTo` forward, `run(drafts,
 * { until })`, the browser's forward button) puts those frames back instead of running the steps
 * again, so an action that charged a card or sent a mail does not run twice.
 */
export interface Left {
  /** The last frame of the path left. */
  readonly tip: Frame
  /** The current frame while the flow stays on that path (moved back along it or redone it), else the path is left behind. */
  at: Frame | null
  /** `tip`'s frames past depth `from` (`ahead[0]` at depth `from + 1`), made on first use. */
  ahead?: Frame[]
  from?: number
}

/** Before a move back from `s`: remembers the path being left, unless the flow is only moving further back along it. */
export const leaving = (rt: Runtime, s: FlowState): void => {
  if (s.frame && (!rt.left || rt.left.at !== s.frame)) rt.left = { tip: s.frame, at: s.frame }
}

/** After a move back or a redo: where the flow now stands on the path left. */
export const standing = (rt: Runtime, snapshot: WorkflowSnapshot): WorkflowSnapshot => {
  if (rt.left) rt.left.at = rt.current().state.frame
  return snapshot
}

/** The frame of the path left that would complete the current step next, if the flow stands on that path. */
const nextOf = (left: Left, s: FlowState): Frame | undefined => {
  const depth = s.frame ? s.frame.depth : 0
  if (left.at !== s.frame || depth >= left.tip.depth) return undefined
  if (left.from === undefined || depth < left.from) {
    const ahead: Frame[] = []
    for (let f: Frame | null = left.tip; f && f.depth > depth; f = f.prev) ahead.push(f)
    left.ahead = ahead.reverse()
    left.from = depth
  }
  return left.ahead?.[depth - left.from]
}

/**
 * Completes the current step from the path left, when that path's next frame completed this step
 * with the same answer (`input`, compared as JSON) after this same path: no validator or
 * action runs. Undefined when it cannot (another answer, another path, a guard that now differs, a
 * transition running), and the caller runs the step as `next()` would.
 */
export const redone = (rt: Runtime, input: unknown): WorkflowSnapshot | undefined => {
  const { left } = rt
  if (!left || rt.pending) return undefined
  const s = rt.current().state
  const frame = nextOf(left, s)
  if (!frame) return undefined
  let next: FlowState | undefined
  try {
    next = redo(rt.def, s, frame, input, rt.at())
  } catch {
    return undefined // the step, run as next() runs it, reports what is wrong
  }
  return next && standing(rt, rt.commit(next))
}
