import type { Compiled } from './defineWorkflow'
import type { Issues, LogEntry, LogEntryType, StepDef, WorkflowDefinition } from './types'
import type { WorkflowError } from './WorkflowError'

/** A completed step on the current path. Frames link backwards, so moving costs O(1) whatever the path's length. */
export interface Frame {
  readonly step: string
  /** The input as submitted (a plain copy), kept for prefill and server replay. */
  readonly input: unknown
  /** This step's contribution: the merged patches of its actions, or its validated input. */
  readonly patch: Readonly<Record<string, unknown>>
  /** The state after this step: the state before it plus `patch`. */
  readonly state: object
  /** Steps passed over between this step and the next visited one. */
  readonly skipped: readonly Skip[]
  readonly prev: Frame | null
}

export interface Skip {
  readonly step: string
  readonly reason: string
}

/** One journey log entry, linked to the one before: one object per entry, the array is built when read. */
export interface LogNode {
  readonly type: LogEntryType
  readonly step: string
  readonly at: number
  readonly reason: string | undefined
  readonly prev: LogNode | null
  readonly size: number
}

/** Everything the engine knows; snapshots are views of it. */
export interface Core {
  readonly definition: WorkflowDefinition
  readonly compiled: Compiled
  readonly frame: Frame | null
  /** Steps passed over before the first visible step. */
  readonly start: readonly Skip[]
  readonly step: string
  readonly done: boolean
  readonly busy: boolean
  readonly error: WorkflowError | null
  readonly issues: Issues
  readonly drafts: Readonly<Record<string, unknown>>
  readonly log: LogNode | null
  readonly now: () => number
  readonly logLimit: number
}

export const NO_ISSUES: Issues = Object.freeze({})

/**
 * A core with some fields changed. Written out field by field so that every core has one shape:
 * V8 keeps property access monomorphic, which spreads of differently built objects would not.
 */
export const update = (core: Core, c: Partial<Core>): Core => ({
  definition: core.definition,
  compiled: core.compiled,
  frame: c.frame !== undefined ? c.frame : core.frame,
  start: c.start ?? core.start,
  step: c.step ?? core.step,
  done: c.done ?? core.done,
  busy: c.busy ?? core.busy,
  error: c.error !== undefined ? c.error : core.error,
  issues: c.issues ?? core.issues,
  drafts: c.drafts ?? core.drafts,
  log: c.log !== undefined ? c.log : core.log,
  now: core.now,
  logLimit: core.logLimit,
})

export const stepDef = (core: Core, id: string): StepDef<any, string, any> =>
  (core.definition.steps as Record<string, StepDef<any, string, any>>)[id] as StepDef<any, string, any>

export const stateOf = (core: Core): object => core.frame?.state ?? core.definition.state

/** Appends to the journey log; keeps at most about twice `logLimit` nodes alive. */
export const appendLog = (
  core: Core,
  log: LogNode | null,
  type: LogEntryType,
  step: string,
  reason?: string,
  at: number = core.now(),
): LogNode => {
  let prev = log
  if (prev && prev.size >= core.logLimit * 2) prev = trimLog(prev, core.logLimit)
  return { type, step, at, reason, prev, size: (prev?.size ?? 0) + 1 }
}

const entryOf = ({ type, step, at, reason }: LogNode | LogEntry): LogEntry =>
  reason === undefined ? { type, step, at } : { type, step, at, reason }

export const logEntries = (log: LogNode | null, limit: number): LogEntry[] => {
  const out: LogEntry[] = []
  for (let node = log; node && out.length < limit; node = node.prev) out.push(entryOf(node))
  return out.reverse()
}

export const logFrom = (entries: readonly LogEntry[]): LogNode | null => {
  let node: LogNode | null = null
  let size = 0
  for (const { type, step, at, reason } of entries) node = { type, step, at, reason, prev: node, size: ++size }
  return node
}

function trimLog(log: LogNode, keep: number): LogNode | null {
  return logFrom(logEntries(log, keep))
}
