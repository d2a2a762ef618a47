import type { PersistedSnapshot } from '@flowkit/core'
import { createWorkflow } from '@flowkit/core'
import { checkShape, checkSnapshot } from './checkSnapshot'
import { guardedStore } from './guardedStore'
import { readJson } from './http/readJson'
import { errorResponse, json } from './http/respond'
import { ServerError } from './http/ServerError'
import { replay } from './replay'
import { createToken, hashToken, isTokenShaped } from './tokens'
import type {
  AnyDefinition,
  AuthorizeDetails,
  AuthorizeResult,
  Definitions,
  InstanceRecord,
  InstanceStore,
  Operation,
  ServerActions,
} from './types'

export interface FlowkitHandlerOptions {
  /** The workflows clients may start, by id or as a list. Use the same definitions as the client. */
  readonly definitions: Definitions
  /** Where instances are kept: `sqliteStore()` from `@flowkit/server/sqlite` or `postgresStore()` from `@flowkit/server/postgres`. */
  readonly store: InstanceStore
  /** The path the handler is mounted at, e.g. `'/api/flowkit'`; requests outside it get 404. @default '' */
  readonly basePath?: string
  /** Ties instances to your users: see `AuthorizeResult`. Without it, whoever holds a resume token may use it. */
  readonly authorize?: (details: AuthorizeDetails) => AuthorizeResult | Promise<AuthorizeResult>
  /** Actions that run only on the server, on submit, after the replay is verified: `{ [workflowId]: { [stepId]: [action] } }`. */
  readonly serverActions?: Readonly<Record<string, ServerActions>>
  /**
   * Top-level state keys each workflow's actions compute differently on every run (a receipt number, a timestamp):
   * replay does not compare them and keeps the server's value. `{ [workflowId]: ['receipt'] }`.
   * @default {}
   */
  readonly serverComputed?: Readonly<Record<string, readonly string[]>>
  /** How long a resume token lives after the last save, in milliseconds. @default 2592000000 (30 days) */
  readonly ttl?: number
  /** Largest request body accepted, in bytes. @default 1048576 (1 MiB) */
  readonly maxBodyBytes?: number
  /** The clock. @default Date.now */
  readonly now?: () => number
  /** Told about storage failures (answered with 503) and unexpected errors (500), for your logs. */
  readonly onError?: (error: unknown) => void
}

/** A Fetch-API request handler: mount it in Hono, a Next.js route handler, Remix, or Node with `serve()`. */
export type FlowkitHandler = (request: Request) => Promise<Response>

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value)

const view = (record: InstanceRecord) => ({
  workflow: record.workflow,
  version: record.version,
  status: record.status,
  snapshot: record.snapshot,
  result: record.result,
  expiresAt: record.expiresAt,
})

const notFound = () =>
  new ServerError('NOT_FOUND', 'no saved flow has this resume token; the link may be incomplete, or the flow was deleted.')

const baseVersionOf = (body: Record<string, unknown>): number => {
  const { baseVersion } = body
  if (!Number.isSafeInteger(baseVersion) || (baseVersion as number) < 1) {
    throw new ServerError(
      'INVALID_REQUEST',
      '`baseVersion` must be the version (a positive integer) the snapshot was based on, as returned by the last load or save.',
    )
  }
  return baseVersion as number
}

/**
 * Creates the request handler for starting, loading, saving, submitting and deleting workflow instances:
 * - `POST {basePath}/instances` `{ workflow, snapshot? }` → 201 `{ token, version, snapshot, … }`
 * - `GET {basePath}/instances/:token` → 200 `{ version, status, snapshot, result, expiresAt }`
 * - `PUT {basePath}/instances/:token` `{ baseVersion, snapshot }` → 200, or 409 `{ error, current }` when someone saved first
 * - `POST {basePath}/instances/:token/submit` `{ baseVersion, snapshot }` → 200 after a verified replay, else 422 with the reason
 * - `DELETE {basePath}/instances/:token` → 204
 * @example
 * const handler = createFlowkitHandler({ definitions: [enrollment], store: sqliteStore({ filename: 'flowkit.db' }) })
 * serve(handler, { port: 8787 })
 */
export function createFlowkitHandler(options: FlowkitHandlerOptions): FlowkitHandler {
  const list: readonly AnyDefinition[] = Array.isArray(options.definitions)
    ? options.definitions
    : Object.values(options.definitions as Readonly<Record<string, AnyDefinition>>)
  const definitions = new Map(list.map((d) => [d.id, d]))
  if (definitions.size !== list.length) {
    throw new TypeError(
      `[flowkit/server] two definitions share an id; ids: ${list.map((d) => `'${d.id}'`).join(', ')}. Give each workflow its own id.`,
    )
  }
  for (const d of definitions.values()) createWorkflow(d).destroy() // a broken definition throws here, at start-up
  const store = guardedStore(options.store, options.onError)
  const basePath = (options.basePath ?? '').replace(/\/+$/, '')
  const ttl = options.ttl ?? 30 * 24 * 60 * 60 * 1000
  const limit = options.maxBodyBytes ?? 1024 * 1024
  const now = options.now ?? Date.now
  let ready: Promise<void> | undefined

  const definitionOf = (id: unknown): AnyDefinition => {
    const definition = typeof id === 'string' ? definitions.get(id) : undefined
    if (!definition) {
      throw new ServerError(
        'UNKNOWN_WORKFLOW',
        `this server has no workflow ${JSON.stringify(typeof id === 'string' ? id.slice(0, 80) : id)?.slice(0, 100)}; it serves: ${[...definitions.keys()].map((k) => `'${k}'`).join(', ') || 'none'}.`,
      )
    }
    return definition
  }
  const allowed = async (request: Request, operation: Operation, workflow: string, owner: string | null) =>
    options.authorize ? await options.authorize({ request, operation, workflow, owner }) : true

  /** The instance a token names, if the caller may see it; expired ones are refused with 410. */
  const find = async (request: Request, token: string, operation: Operation): Promise<{ hash: string; record: InstanceRecord }> => {
    if (!isTokenShaped(token)) throw notFound()
    const hash = await hashToken(token)
    const record = await store.get(hash)
    if (!record || !(await allowed(request, operation, record.workflow, record.owner))) throw notFound()
    if (record.expiresAt <= now()) {
      throw new ServerError('EXPIRED', `this resume link expired on ${new Date(record.expiresAt).toISOString()}; start the flow again.`)
    }
    return { hash, record }
  }
  const conflict = (record: InstanceRecord) =>
    record.status === 'submitted'
      ? new ServerError('ALREADY_SUBMITTED', 'this flow was already submitted; it cannot be saved or submitted again.', {
          extra: { current: view(record) },
        })
      : new ServerError(
          'VERSION_CONFLICT',
          `the flow was saved elsewhere (now version ${record.version}); the save was refused so nothing is overwritten. Resume from \`current\` and save again.`,
          { extra: { current: view(record) } },
        )
  /** Compare-and-set; on failure explains why with the instance as it is now. */
  const write = async (hash: string, record: InstanceRecord, baseVersion: number, changes: Partial<InstanceRecord>) => {
    if (record.status === 'submitted' || record.version !== baseVersion) throw conflict(record)
    const at = now()
    const updated = await store.update(hash, {
      baseVersion,
      snapshot: changes.snapshot ?? record.snapshot,
      status: changes.status ?? record.status,
      result: changes.result ?? record.result,
      updatedAt: at,
      expiresAt: at + ttl,
    })
    if (updated) return updated
    const current = await store.get(hash)
    if (!current) throw notFound()
    if (current.expiresAt <= at) throw new ServerError('EXPIRED', 'this resume link expired; start the flow again.')
    throw conflict(current)
  }

  const start = async (request: Request) => {
    const body = await readJson(request, limit)
    if (!isObject(body)) throw new ServerError('INVALID_REQUEST', 'send `{ "workflow": "<id>", "snapshot"?: {…} }`.')
    const definition = definitionOf(body.workflow)
    const verdict = await allowed(request, 'start', definition.id, null)
    if (verdict === false) throw new ServerError('FORBIDDEN', `you may not start workflow '${definition.id}'.`)
    let snapshot: PersistedSnapshot
    if (body.snapshot === undefined) {
      const flow = createWorkflow(definition, { now })
      snapshot = flow.getPersistedSnapshot()
      flow.destroy()
    } else snapshot = checkSnapshot(definition, body.snapshot, now)
    const token = createToken()
    const at = now()
    const record: InstanceRecord = {
      tokenHash: await hashToken(token),
      workflow: definition.id,
      owner: typeof verdict === 'object' ? verdict.owner : null,
      version: 1,
      snapshot,
      status: 'open',
      result: null,
      createdAt: at,
      updatedAt: at,
      expiresAt: at + ttl,
    }
    await store.insert(record)
    return json({ token, ...view(record) }, 201)
  }

  const route = async (request: Request): Promise<Response> => {
    const { pathname } = new URL(request.url)
    if (basePath && !(pathname === basePath || pathname.startsWith(`${basePath}/`)))
      throw new ServerError('NOT_FOUND', `no route ${pathname}.`)
    const parts = pathname.slice(basePath.length).split('/').filter(Boolean)
    const method = request.method.toUpperCase()
    const allow = (methods: string) => {
      throw new ServerError('METHOD_NOT_ALLOWED', `${method} is not allowed here; use ${methods}.`)
    }
    if (parts[0] !== 'instances' || parts.length > 3 || (parts.length === 3 && parts[2] !== 'submit')) {
      throw new ServerError(
        'NOT_FOUND',
        `no route ${pathname}; routes are ${basePath}/instances and ${basePath}/instances/:token[/submit].`,
      )
    }
    ready ??= store.init().catch((error) => {
      ready = undefined
      throw error
    })
    await ready
    if (parts.length === 1) return method === 'POST' ? start(request) : allow('POST')
    const token = parts[1] as string
    if (parts.length === 3) {
      if (method !== 'POST') allow('POST')
      const body = await readJson(request, limit)
      if (!isObject(body)) throw new ServerError('INVALID_REQUEST', 'send `{ "baseVersion": n, "snapshot": {…} }`.')
      const { hash, record } = await find(request, token, 'submit')
      const baseVersion = baseVersionOf(body)
      if (record.status === 'submitted' || record.version !== baseVersion) throw conflict(record)
      const definition = definitionOf(record.workflow)
      const claimed = checkShape(definition, body.snapshot)
      const replayed = await replay(definition, claimed, {
        serverActions: options.serverActions?.[definition.id],
        serverComputed: options.serverComputed?.[definition.id],
        now,
      })
      const updated = await write(hash, record, baseVersion, { snapshot: replayed.snapshot, status: 'submitted', result: replayed.state })
      return json(view(updated))
    }
    if (method === 'GET') return json(view((await find(request, token, 'load')).record))
    if (method === 'DELETE') {
      const { hash } = await find(request, token, 'delete')
      await store.remove(hash)
      return json(null, 204)
    }
    if (method !== 'PUT') allow('GET, PUT, DELETE')
    const body = await readJson(request, limit)
    if (!isObject(body)) throw new ServerError('INVALID_REQUEST', 'send `{ "baseVersion": n, "snapshot": {…} }`.')
    const { hash, record } = await find(request, token, 'save')
    const baseVersion = baseVersionOf(body)
    if (record.status === 'submitted' || record.version !== baseVersion) throw conflict(record)
    const snapshot = checkSnapshot(definitionOf(record.workflow), body.snapshot, now)
    const updated = await write(hash, record, baseVersion, { snapshot })
    return json({ version: updated.version, status: updated.status, expiresAt: updated.expiresAt })
  }

  return async (request) => {
    try {
      return await route(request)
    } catch (error) {
      if (error instanceof ServerError) return errorResponse(error)
      options.onError?.(error)
      return errorResponse(new ServerError('INTERNAL', 'the server failed unexpectedly; nothing was changed. The error was logged.'))
    }
  }
}
