import { initialState, isPlainObject, journeyLog, type PersistedSnapshot, serialize, type WorkflowError } from '@flowkit/core'
import { inCurrentVersion } from '../checkSnapshot'
import { refusal } from '../http/errors'
import { readJson } from '../http/readJson'
import { type Migrations, migrationsOf } from '../migrating'
import { hashToken, isTokenShaped } from '../tokens'
import type { AnyDefinition, AuthorizeDetails, AuthorizeResult, InstanceRecord, InstanceStore, Operation, ServerActions } from '../types'

/** What every operation of one handler shares. */
export interface Context {
  readonly store: InstanceStore
  readonly definitions: ReadonlyMap<string, AnyDefinition>
  /** Each definition's snapshot before its first step, made once: a new instance starts from it. */
  readonly initial: ReadonlyMap<string, PersistedSnapshot>
  readonly authorize: ((details: AuthorizeDetails) => AuthorizeResult | Promise<AuthorizeResult>) | undefined
  readonly serverActions: Readonly<Record<string, ServerActions>>
  readonly serverComputed: Readonly<Record<string, readonly string[]>>
  /** Each definition's migration of snapshots saved under an older `version`, by workflow id. */
  readonly migrations: Migrations
  readonly ttl: number
  readonly lease: number
  readonly limit: number
  readonly now: () => number
  readonly onError: ((error: unknown) => void) | undefined
}

/** The shared parts of a handler, from its options. */
export const context = (
  options: {
    readonly authorize?: Context['authorize']
    readonly serverActions?: Context['serverActions']
    readonly serverComputed?: Context['serverComputed']
    readonly migrations?: Migrations
    readonly ttl?: number
    readonly submitLease?: number
    readonly maxBodyBytes?: number
    readonly now?: () => number
    readonly onError?: (error: unknown) => void
  },
  definitions: ReadonlyMap<string, AnyDefinition>,
  store: InstanceStore,
): Context => ({
  store,
  definitions,
  initial: new Map(
    // The kernel's first state of each flow, made once: no instance, no store.
    [...definitions.values()].map((definition) => {
      const at = (options.now ?? Date.now)()
      return [definition.id, serialize(definition, initialState(definition, at, journeyLog()()), { at })]
    }),
  ),
  authorize: options.authorize,
  serverActions: options.serverActions ?? {},
  serverComputed: options.serverComputed ?? {},
  migrations: migrationsOf(options.migrations, [...definitions.keys()]),
  ttl: options.ttl ?? 30 * 24 * 60 * 60 * 1000,
  lease: options.submitLease ?? 30_000,
  limit: options.maxBodyBytes ?? 1024 * 1024,
  now: options.now ?? Date.now,
  onError: options.onError,
})

export interface Found {
  readonly hash: string
  readonly record: InstanceRecord
}

/** An instance as clients see it (never its token hash, owner or claim), its snapshot in the definition's current version. */
export const view = (context: Context, record: InstanceRecord) => {
  const definition = context.definitions.get(record.workflow)
  return {
    workflow: record.workflow,
    version: record.version,
    status: record.status,
    snapshot: definition ? inCurrentVersion(definition, record.snapshot, context.now, context.migrations) : record.snapshot,
    result: record.result,
    expiresAt: record.expiresAt,
  }
}

export const notFound = (): WorkflowError =>
  refusal('NOT_FOUND', 'no saved flow has this resume token; the link may be incomplete, or the flow was deleted.')

export const expired = (at: number): WorkflowError =>
  refusal('EXPIRED', `this resume link expired on ${new Date(at).toISOString()}; start the flow again.`)

/** A JSON object body with no other fields than those named (each is checked by its reader); anything else is refused. */
export const bodyOf = async (
  context: Context,
  request: Request,
  required: readonly string[],
  optional: readonly string[] = [],
): Promise<Record<string, unknown>> => {
  const body = await readJson(request, context.limit)
  const shape = () => `send { ${[...required.map((k) => `"${k}": …`), ...optional.map((k) => `"${k}"?: …`)].join(', ')} }`
  if (!isPlainObject(body)) throw refusal('INVALID_REQUEST', `the body must be a JSON object; ${shape()}.`)
  for (const key of Object.keys(body)) {
    if (!required.includes(key) && !optional.includes(key)) {
      throw refusal('INVALID_REQUEST', `unknown field ${JSON.stringify(key.slice(0, 40))} in the body; ${shape()}.`)
    }
  }
  return body
}

export const baseVersionOf = (body: Record<string, unknown>): number => {
  const { baseVersion } = body
  if (!Number.isSafeInteger(baseVersion) || (baseVersion as number) < 1) {
    throw refusal(
      'INVALID_REQUEST',
      '`baseVersion` must be the version (a positive integer) the snapshot was based on, as returned by the last load or save.',
    )
  }
  return baseVersion as number
}

export const definitionOf = (context: Context, id: unknown): AnyDefinition => {
  const definition = typeof id === 'string' ? context.definitions.get(id) : undefined
  if (!definition) {
    const served = [...context.definitions.keys()].map((k) => `'${k}'`).join(', ') || 'none'
    throw refusal(
      'UNKNOWN_WORKFLOW',
      `this server has no workflow ${JSON.stringify(typeof id === 'string' ? id.slice(0, 80) : id)?.slice(0, 100)}; it serves: ${served}.`,
    )
  }
  return definition
}

export const allowed = async (context: Context, request: Request, operation: Operation, record: InstanceRecord | null, workflow: string) =>
  context.authorize
    ? await context.authorize({ request, operation, workflow, owner: record?.owner ?? null, status: record?.status ?? null })
    : true

/** The instance a token names, if the caller may see it; expired ones are refused with 410. */
export const find = async (context: Context, request: Request, token: string, operation: Operation): Promise<Found> => {
  if (!isTokenShaped(token)) throw notFound()
  const hash = hashToken(token)
  const record = await context.store.get(hash)
  if (!record || !(await allowed(context, request, operation, record, record.workflow))) throw notFound()
  if (record.expiresAt <= context.now()) throw expired(record.expiresAt)
  return { hash, record }
}

/** Why a write to `record` was refused, with the instance as it is now. */
export const conflict = (context: Context, record: InstanceRecord): WorkflowError => {
  const details = { current: view(context, record) }
  if (record.status === 'submitted') {
    return refusal('ALREADY_SUBMITTED', 'this flow was already submitted; it is kept as submitted and cannot be changed.', { details })
  }
  if (record.status === 'submitting') {
    return refusal(
      'SUBMISSION_IN_PROGRESS',
      'this flow is being submitted right now; it cannot be changed meanwhile. Load it again in a moment to see the result.',
      { details: { ...details, retryAfter: 1 } },
    )
  }
  return refusal(
    'VERSION_CONFLICT',
    `the flow was saved elsewhere (now version ${record.version}); the save was refused so nothing is overwritten. Resume from \`current\` and save again.`,
    { details },
  )
}

/** After a compare-and-set found nothing to write: the reason, from the instance as read back from the store. */
export const explain = (context: Context, current: InstanceRecord | null): WorkflowError => {
  if (!current) return notFound()
  if (current.expiresAt <= context.now() && current.status === 'open') return expired(current.expiresAt)
  return conflict(context, current)
}
