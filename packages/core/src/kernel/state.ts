import type { Issues } from '../types'
import type { WorkflowError } from '../WorkflowError'
import type { Drafts } from './drafts'
import type { Log } from './log'

/** A step passed over, and why. */
export interface Skip {
  readonly step: string
  readonly reason: string
}

/**
 * A completed step on the current path. Frames link backwards and are never copied, so moving
 * costs O(1) whatever the path's length.
 */
export interface Frame {
  readonly step: string
  /** The input as submitted (a plain copy): the step's draft when the user comes back, and what a server replays. */
  readonly input: unknown
  /** This step's contribution: the merged patches of its actions, or its validated input. */
  readonly patch: Readonly<Record<string, unknown>>
  /** The state after this step: the state before it plus `patch` (the same object when `patch` is empty). */
  readonly state: object
  /** Steps passed over between this step and the next visited one. */
  readonly skipped: readonly Skip[]
  readonly prev: Frame | null
  /** Completed steps on the path up to and including this one. */
  readonly depth: number
  /**
   * The completed steps' ids, oldest first: `line[0..depth)` is this frame's path. Shared with the
   * frames that extend it (a frame only ever appends past its own depth; a fork copies), so the
   * history array is one fast slice, not a walk of the frames.
   */
  readonly line: string[]
}

/**
 * The engine's state: plain data, no store, no promises, no clock. Every move is a pure function of
 * (definition, state, event) returning the next one, sharing every part that did not change.
 */
export interface FlowState {
  readonly step: string
  readonly done: boolean
  readonly frame: Frame | null
  /** Steps passed over before the first visible step. */
  readonly start: readonly Skip[]
  readonly drafts: Drafts
  /** The journey log, when the workflow keeps one (`log: journeyLog()`), else null. */
  readonly log: Log | null
  /** What went wrong in the last move, or null. */
  readonly error: WorkflowError | null
  /** Validation issues of the last submitted input. */
  readonly issues: Issues
}

export const NO_ISSUES: Issues = Object.freeze({})
export const NO_SKIPS: readonly Skip[] = Object.freeze([])

/** A state with some fields changed. Written out field by field so that every state has one shape (monomorphic property access). */
export const update = (s: FlowState, c: Partial<FlowState>): FlowState => ({
  step: c.step ?? s.step,
  done: c.done ?? s.done,
  frame: c.frame !== undefined ? c.frame : s.frame,
  start: c.start ?? s.start,
  drafts: c.drafts ?? s.drafts,
  log: c.log !== undefined ? c.log : s.log,
  error: c.error !== undefined ? c.error : s.error,
  issues: c.issues ?? s.issues,
})

/**
 * The state after a move that goes somewhere (a step completed, the flow entered): every field given, so no
 * partial object is made on the way (these run on every move). The last move's error and issues are cleared.
 */
export const moved = (
  step: string,
  done: boolean,
  frame: Frame | null,
  start: readonly Skip[],
  drafts: Drafts,
  log: Log | null,
): FlowState => ({
  step,
  done,
  frame,
  start,
  drafts,
  log,
  error: null,
  issues: NO_ISSUES,
})
