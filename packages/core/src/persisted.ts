import { type Core, type Frame, logEntries, logFrom, update } from './core'
import { isPlainObject, omitPaths, toPatch, toPlain } from './plain'
import { complete, start } from './transition'
import type { LogEntry, PersistedFrame, PersistedSnapshot } from './types'
import { WorkflowError } from './WorkflowError'

export interface SerializeOptions {
  /** Dot paths of fields never to store, e.g. `['card.number', 'card.cvc']`: dropped from inputs, patches and drafts. */
  readonly exclude?: readonly string[]
}

/** A JSON-safe snapshot of the core: the completed path with inputs and contributions, drafts and the log. */
export const serialize = (core: Core, { exclude = [] }: SerializeOptions = {}): PersistedSnapshot => {
  const path: PersistedFrame[] = []
  for (let frame: Frame | null = core.frame; frame; frame = frame.prev) {
    path.push({
      step: frame.step,
      input: omitPaths(frame.input, exclude),
      patch: omitPaths(frame.patch, exclude) as PersistedFrame['patch'],
    })
  }
  const drafts: Record<string, unknown> = {}
  for (const [step, draft] of Object.entries(core.drafts)) drafts[step] = omitPaths(draft, exclude)
  const { id, version } = core.definition
  return {
    workflow: id,
    ...(version === undefined ? {} : { version }),
    path: path.reverse(),
    step: core.step,
    done: core.done,
    drafts,
    log: logEntries(core.log, core.logLimit),
    savedAt: core.now(),
  }
}

export interface RestoreOptions {
  /** Turns a snapshot stored by another version of the definition into one of this version. */
  readonly migrate?: ((snapshot: PersistedSnapshot, fromVersion: number | string | undefined) => PersistedSnapshot) | undefined
  /** Milliseconds after `savedAt` past which a snapshot is refused (`SNAPSHOT_EXPIRED`). */
  readonly expiresIn?: number | undefined
}

const LOG_TYPES = new Set(['entered', 'completed', 'skipped', 'back', 'goto', 'reset', 'error', 'done'])

/**
 * Rebuilds a core from a stored snapshot by replaying its path through the definition (no actions run:
 * the stored contributions are applied). Throws a WorkflowError saying why a snapshot does not fit.
 */
export const restore = (fresh: Core, value: unknown, options: RestoreOptions = {}): Core => {
  const { definition } = fresh
  const bad = (problem: string | false): never => {
    throw new WorkflowError(
      'INVALID_SNAPSHOT',
      process.env.NODE_ENV !== 'production' &&
        `the snapshot for workflow '${definition.id}' ${problem}; it was ignored and the flow starts fresh.`,
    )
  }
  if (!isPlainObject(value)) bad(process.env.NODE_ENV !== 'production' && 'is not an object')
  let snapshot = value as unknown as PersistedSnapshot
  if (snapshot.workflow !== definition.id) {
    throw new WorkflowError(
      'SNAPSHOT_MISMATCH',
      process.env.NODE_ENV !== 'production' &&
        `the snapshot belongs to workflow '${String(snapshot.workflow)}', not '${definition.id}'; use another storage key per workflow.`,
    )
  }
  if (snapshot.version !== definition.version) {
    if (!options.migrate) {
      throw new WorkflowError(
        'SNAPSHOT_MISMATCH',
        process.env.NODE_ENV !== 'production' &&
          `the snapshot was saved by version ${String(snapshot.version)} of workflow '${definition.id}', which is now version ${String(definition.version)}; pass a \`migrate\` option to convert old snapshots.`,
      )
    }
    try {
      snapshot = options.migrate(snapshot, snapshot.version)
    } catch (cause) {
      throw new WorkflowError(
        'INVALID_SNAPSHOT',
        process.env.NODE_ENV !== 'production' &&
          `migrate() threw while converting a snapshot of workflow '${definition.id}': ${cause instanceof Error ? cause.message : String(cause)}.`,
        { cause },
      )
    }
    if (!isPlainObject(snapshot))
      bad(process.env.NODE_ENV !== 'production' && 'was turned by migrate() into something that is not a snapshot')
  }
  if (options.expiresIn !== undefined && !(typeof snapshot.savedAt === 'number' && fresh.now() - snapshot.savedAt <= options.expiresIn)) {
    throw new WorkflowError(
      'SNAPSHOT_EXPIRED',
      process.env.NODE_ENV !== 'production' &&
        `the snapshot of workflow '${definition.id}' is older than ${options.expiresIn} ms (expiresIn); the flow starts fresh.`,
    )
  }
  if (!Array.isArray(snapshot.path)) bad(process.env.NODE_ENV !== 'production' && 'has no `path` array')
  let core = start(update(fresh, { log: null }))
  for (const [i, frame] of snapshot.path.entries()) {
    if (!isPlainObject(frame)) bad(process.env.NODE_ENV !== 'production' && `has a path entry #${i + 1} that is not an object`)
    if (core.done) bad(process.env.NODE_ENV !== 'production' && `goes on after the final step, at '${String(frame.step)}'`)
    if (frame.step !== core.step) {
      throw new WorkflowError(
        'SNAPSHOT_MISMATCH',
        process.env.NODE_ENV !== 'production' &&
          `the snapshot's path completes step '${String(frame.step)}' where the flow, replayed, is at step '${core.step}'; it was saved by a different definition or altered.`,
        { step: core.step },
      )
    }
    core = complete(core, toPlain(frame.input, "the snapshot's input", core.step), toPatch(frame.patch, "the snapshot's patch", core.step))
  }
  if (snapshot.step !== core.step || Boolean(snapshot.done) !== core.done) {
    throw new WorkflowError(
      'SNAPSHOT_MISMATCH',
      process.env.NODE_ENV !== 'production' &&
        `the snapshot says the flow is at step '${String(snapshot.step)}' but its path leads to '${core.step}'; it was saved by a different definition or altered.`,
    )
  }
  const drafts: Record<string, unknown> = {}
  if (isPlainObject(snapshot.drafts)) {
    for (const step of core.compiled.ids) {
      if (Object.hasOwn(snapshot.drafts, step)) drafts[step] = toPlain(snapshot.drafts[step], "the snapshot's draft", step)
    }
  }
  const log = Array.isArray(snapshot.log) ? snapshot.log.filter(isLogEntry) : []
  return update(core, { drafts: { ...core.drafts, ...drafts }, log: logFrom(log.slice(-core.logLimit)) })
}

const isLogEntry = (e: unknown): e is LogEntry =>
  isPlainObject(e) &&
  LOG_TYPES.has(e.type as string) &&
  typeof e.step === 'string' &&
  typeof e.at === 'number' &&
  (e.reason === undefined || typeof e.reason === 'string')
