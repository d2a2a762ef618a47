import { canonicalJson } from './canonicalJson'
import { compile } from './definition/compile'
import { NO_DRAFTS } from './kernel/drafts'
import { isLogEntry } from './kernel/isLogEntry'
import type { JourneyLog } from './kernel/log'
import { complete, initialState, setDraft, stateAt } from './kernel/moves'
import { serialize } from './kernel/serialize'
import { type FlowState, update } from './kernel/state'
import { isPlainObject, toPatch, toPlain } from './plain'
import { runActionList } from './runtime/actions'
import { runStep } from './runtime/pipeline'
import { snapshotOf } from './runtime/snapshot'
import type { Action, PersistedFrame, PersistedSnapshot, WorkflowDefinition, WorkflowSnapshot } from './types'
import { WorkflowError, type WorkflowErrorCode } from './WorkflowError'

export interface ReplayOptions<K extends string = string> {
  /**
   * `false`: apply each step's recorded contribution (resume: fast, runs no user code).
   * `true`: validate each step's recorded input and run its actions again, and refuse a recorded
   * contribution that differs from the one computed here (a server verifying a submission).
   * @default false
   */
  readonly actions?: boolean
  /** With `actions: true`: top-level state keys not compared (values the server computes itself: receipt numbers, prices). */
  readonly compare?: { readonly ignore?: readonly string[] }
  /** Refuse a snapshot whose flow is not finished (`NOT_FINISHED`). @default false */
  readonly requireDone?: boolean
  /** With `actions: true`: actions that run only here, after the path is verified, in path order, by step id. */
  readonly serverActions?: { readonly [P in K]?: readonly Action<any, P, any>[] }
  /** Base of the idempotency key each server action gets: `${idempotencyKey}:${step}:${index}`. @default the workflow id */
  readonly idempotencyKey?: string
  /** Turns a snapshot stored by another version of the definition into one of this version. */
  readonly migrate?: ((snapshot: PersistedSnapshot, fromVersion: number | string | undefined) => PersistedSnapshot) | undefined
  /** Milliseconds after `savedAt` past which a snapshot is refused (`SNAPSHOT_EXPIRED`). */
  readonly expiresIn?: number | undefined
  /** The clock, for expiry and the journey log. @default Date.now */
  readonly now?: () => number
  /** Keeps the snapshot's journey log, and goes on recording it: `journeyLog()`. Without it the replayed flow has none. */
  readonly log?: JourneyLog
}

/** What a replay leaves: the snapshot it reached, that snapshot's persisted form, and the final state (after server actions). */
export interface Replayed<S extends object = any, K extends string = string> {
  readonly snapshot: WorkflowSnapshot<S, K>
  readonly persisted: PersistedSnapshot
  readonly state: S
}

const refuse = (code: WorkflowErrorCode, message: string | false, step?: string, details?: Record<string, unknown>): never => {
  throw new WorkflowError(code, message, { category: 'snapshot', step, details })
}

/** The checks before any step is replayed: an object of this workflow and version (migrated), not expired, with a path of frames. */
export const checkPersisted = (definition: WorkflowDefinition, value: unknown, options: ReplayOptions, now: number): PersistedSnapshot => {
  const dev = process.env.NODE_ENV !== 'production'
  // Call sites pass `dev && '…'`, so production bundles drop the problems' text too.
  const bad = (problem: string | false) => refuse('INVALID_SNAPSHOT', problem && `the snapshot of workflow '${definition.id}' ${problem}.`)
  if (!isPlainObject(value)) bad(dev && 'is not an object; pass what getPersistedSnapshot() returned')
  const snapshot = migrated(definition, value as unknown as PersistedSnapshot, options, bad)
  if (options.expiresIn !== undefined) {
    const age = typeof snapshot.savedAt === 'number' ? now - snapshot.savedAt : Number.NaN
    // A snapshot from the future (a wrong clock or a forged savedAt) never expires otherwise: refuse it too.
    if (!(age >= -60_000 && age <= options.expiresIn)) {
      refuse(
        'SNAPSHOT_EXPIRED',
        dev &&
          `the snapshot of workflow '${definition.id}' is older than ${options.expiresIn} ms (expiresIn), or dated in the future; the flow starts fresh.`,
      )
    }
  }
  if (!Array.isArray(snapshot.path)) bad(dev && 'has no `path` array')
  for (const [i, frame] of snapshot.path.entries()) {
    if (!isPlainObject(frame) || typeof frame.step !== 'string' || (frame.patch !== undefined && !isPlainObject(frame.patch))) {
      bad(dev && `has a path entry #${i + 1} that is not { step, input, patch } as getPersistedSnapshot() writes it`)
    }
  }
  if (typeof snapshot.step !== 'string') bad(dev && 'has no `step` string')
  return snapshot
}

/** The snapshot in this definition's version: as it is, or through `migrate`, whose output is checked like any stored snapshot. */
const migrated = (
  definition: WorkflowDefinition,
  snapshot: PersistedSnapshot,
  options: ReplayOptions,
  bad: (problem: string | false) => never,
): PersistedSnapshot => {
  const dev = process.env.NODE_ENV !== 'production'
  if (snapshot.workflow !== definition.id) {
    refuse(
      'SNAPSHOT_MISMATCH',
      dev &&
        `the snapshot belongs to workflow '${String(snapshot.workflow)}', not '${definition.id}'; use another storage key per workflow.`,
    )
  }
  if (snapshot.version === definition.version) return snapshot
  if (!options.migrate) {
    refuse(
      'SNAPSHOT_MISMATCH',
      dev &&
        `the snapshot was saved by version ${String(snapshot.version)} of workflow '${definition.id}', which is now version ${String(definition.version)}; pass a \`migrate\` option to convert old snapshots.`,
    )
  }
  let out: PersistedSnapshot
  try {
    out = (options.migrate as NonNullable<ReplayOptions['migrate']>)(snapshot, snapshot.version)
  } catch (cause) {
    throw new WorkflowError(
      'INVALID_SNAPSHOT',
      dev &&
        `migrate() threw while converting a snapshot of workflow '${definition.id}': ${cause instanceof Error ? cause.message : String(cause)}.`,
      {
        category: 'snapshot',
        cause,
      },
    )
  }
  if (!isPlainObject(out)) bad(dev && 'was turned by migrate() into something that is not a snapshot')
  if (out.workflow !== definition.id || out.version !== definition.version) {
    bad(
      dev &&
        `was turned by migrate() into one of workflow '${String(out.workflow)}' version ${String(out.version)}; return one of version ${String(definition.version)}`,
    )
  }
  return out
}

/** The frame must complete the step the replayed flow is at. */
const checkStep = (definition: WorkflowDefinition, s: FlowState, path: readonly PersistedFrame[], i: number) => {
  const frame = path[i] as PersistedFrame
  const dev = process.env.NODE_ENV !== 'production'
  if (s.done)
    refuse('STEP_NOT_ON_PATH', dev && `the path goes on after the final step '${s.step}', at '${frame.step}'.`, frame.step, { index: i })
  if (frame.step === s.step) return
  if (path.slice(i + 1).some((f) => f.step === s.step) || !compile(definition).index.has(frame.step)) {
    refuse(
      'STEP_NOT_ON_PATH',
      dev &&
        `the path completes step '${frame.step}', which the answers so far do not lead to: replayed, the flow is at '${s.step}' there. It was saved by a different definition or altered; if you changed the definition since, bump its \`version\` and pass \`migrate(snapshot, fromVersion)\` to convert old snapshots.`,
      frame.step,
      { index: i, expected: s.step },
    )
  }
  refuse(
    'REQUIRED_STEP_SKIPPED',
    dev &&
      `the path skips required step '${s.step}' (it completes '${frame.step}' instead); complete '${s.step}' first. If the definition changed since the snapshot was saved (a step added), bump its \`version\` and pass \`migrate(snapshot, fromVersion)\` to convert old snapshots.`,
    s.step,
    { index: i, found: frame.step },
  )
}

/** A contribution as canonical JSON, without the keys the server computes itself. */
const comparable = (patch: Readonly<Record<string, unknown>>, ignore: readonly string[]) =>
  canonicalJson(ignore.length === 0 ? patch : Object.fromEntries(Object.entries(patch).filter(([k]) => !ignore.includes(k))))

const finish = (definition: WorkflowDefinition, s: FlowState, snapshot: PersistedSnapshot, options: ReplayOptions): FlowState => {
  const dev = process.env.NODE_ENV !== 'production'
  if (snapshot.step !== s.step || Boolean(snapshot.done) !== s.done) {
    refuse(
      'STEP_NOT_ON_PATH',
      dev &&
        `the snapshot says the flow is at step '${snapshot.step}' (done: ${Boolean(snapshot.done)}) but its path leads to '${s.step}' (done: ${s.done}); it was saved by a different definition or altered. If you changed the definition since, bump its \`version\` and pass \`migrate(snapshot, fromVersion)\` to convert old snapshots.`,
    )
  }
  if (options.requireDone && !s.done)
    refuse('NOT_FINISHED', dev && `the flow is at step '${s.step}', not finished; submit after completing the final step.`, s.step)
  let out = s
  if (isPlainObject(snapshot.drafts)) {
    // Drafts are not path-scoped (a removed item's drafts moved, a step undone kept its draft): the
    // snapshot's drafts are the truth, not what replaying the path left.
    out = update(out, { drafts: NO_DRAFTS })
    for (const step of compile(definition).ids) {
      if (Object.hasOwn(snapshot.drafts, step) && snapshot.drafts[step] !== undefined)
        out = setDraft(definition, out, step, toPlain(snapshot.drafts[step], "the snapshot's draft", step))
    }
  }
  const { log } = options
  return log ? update(out, { log: log(Array.isArray(snapshot.log) ? snapshot.log.filter(isLogEntry) : []) }) : out
}

/** Replays a persisted snapshot applying its recorded contributions: synchronous, runs no user code but guards and skips. */
export const replayState = (definition: WorkflowDefinition, value: unknown, options: ReplayOptions = {}): FlowState => {
  const now = (options.now ?? Date.now)()
  const snapshot = checkPersisted(definition, value, options, now)
  // Replayed without a log: the journey is the snapshot's own (`finish`), not the replay's moves.
  let s = initialState(definition, now)
  for (let i = 0; i < snapshot.path.length; i++) {
    checkStep(definition, s, snapshot.path, i)
    const frame = snapshot.path[i] as PersistedFrame
    s = complete(
      definition,
      s,
      toPlain(frame.input, "the snapshot's input", s.step),
      toPatch(frame.patch, "the snapshot's patch", s.step),
      now,
    )
  }
  return finish(definition, s, snapshot, options)
}

const NO_SIGNAL = () => new AbortController().signal

/** Replays validating each input and running each step's actions, comparing contributions; then the server actions. */
const replayRunning = async (
  definition: WorkflowDefinition,
  value: unknown,
  options: ReplayOptions,
): Promise<{ s: FlowState; state: object }> => {
  const now = (options.now ?? Date.now)()
  const snapshot = checkPersisted(definition, value, options, now)
  const ignore = options.compare?.ignore ?? []
  // Replayed without a log: the journey is the snapshot's own (`finish`), not the replay's moves.
  let s = initialState(definition, now)
  for (let i = 0; i < snapshot.path.length; i++) {
    checkStep(definition, s, snapshot.path, i)
    const frame = snapshot.path[i] as PersistedFrame
    const outcome = await runStep(definition, s, frame.input, NO_SIGNAL)
    if (outcome.issues) {
      const text = Object.entries(outcome.issues)
        .map(([field, messages]) => `${field || '(input)'}: ${messages.join(', ')}`)
        .join('; ')
      throw new WorkflowError(
        'INVALID_INPUT',
        process.env.NODE_ENV !== 'production' && `the input of step '${s.step}' is invalid: ${text}.`,
        {
          category: 'snapshot',
          step: s.step,
          details: { issues: outcome.issues, index: i },
        },
      )
    }
    const recorded = toPatch(frame.patch, "the snapshot's patch", s.step)
    if (comparable(recorded, ignore) !== comparable(outcome.patch, ignore)) {
      refuse(
        'STATE_MISMATCH',
        process.env.NODE_ENV !== 'production' &&
          `step '${s.step}' recorded the contribution ${comparable(recorded, [])}, but replayed with its input it contributes ${comparable(outcome.patch, [])}.`,
        s.step,
        { index: i },
      )
    }
    // Keys the server computes keep the value computed here, not the client's claim.
    s = complete(definition, s, outcome.input, outcome.patch, now)
  }
  s = finish(definition, s, snapshot, options)
  let state = stateAt(definition, s.frame)
  const base = options.idempotencyKey ?? definition.id
  for (let frame = firstFrame(s); frame; frame = frame.next) {
    const actions = (options.serverActions as Record<string, readonly Action<any, string, any>[]> | undefined)?.[frame.step] ?? []
    if (actions.length === 0) continue
    const patch = await runActionList({
      step: frame.step,
      state,
      input: frame.input,
      actions,
      signal: NO_SIGNAL,
      what: 'server action',
      extra: (index) => ({ idempotencyKey: `${base}:${frame.step}:${index}` }),
    })
    state = Object.freeze({ ...state, ...patch })
  }
  return { s, state }
}

interface Forward {
  readonly step: string
  readonly input: unknown
  readonly next: Forward | null
}

/** The path's frames oldest first, as a forward list. */
const firstFrame = (s: FlowState): Forward | null => {
  let head: Forward | null = null
  for (let f = s.frame; f; f = f.prev) head = { step: f.step, input: f.input, next: head }
  return head
}

/**
 * The one replay: rebuilds a flow from a persisted snapshot through the definition, refusing one
 * that does not fit (another workflow or version, an altered path, a step the answers do not lead
 * to, a skipped required step…) with a `WorkflowError` of category `'snapshot'` saying why.
 * Resume, server verification, snapshot checks and Storybook seeding all call it.
 * Synchronous unless `actions: true`, which validates and re-runs every step (and the server actions).
 * @example
 * const { snapshot } = replay(checkout, stored)                      // resume
 * const { state } = await replay(checkout, claimed, { actions: true, requireDone: true }) // verify a submission
 */
export function replay<S extends object, K extends string>(
  definition: WorkflowDefinition<S, K>,
  persisted: unknown,
  options?: ReplayOptions<K> & { readonly actions?: false },
): Replayed<S, K>
export function replay<S extends object, K extends string>(
  definition: WorkflowDefinition<S, K>,
  persisted: unknown,
  options: ReplayOptions<K> & { readonly actions: true },
): Promise<Replayed<S, K>>
export function replay(definition: WorkflowDefinition, persisted: unknown, options: ReplayOptions = {}): Replayed | Promise<Replayed> {
  const at = () => (options.now ?? Date.now)()
  const result = (s: FlowState, state: object): Replayed => ({
    snapshot: snapshotOf(definition, s, false),
    persisted: serialize(definition, s, { at: at() }),
    state,
  })
  if (!options.actions) {
    const s = replayState(definition, persisted, options)
    return result(s, stateAt(definition, s.frame))
  }
  return replayRunning(definition, persisted, options).then(({ s, state }) => result(s, state))
}
