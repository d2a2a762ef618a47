import { isWorkflowError, WorkflowError } from '@flowkit/core'
import { guardedStore } from './guardedStore'
import { type Context, context as contextOf } from './handler/context'
import { describe } from './handler/describe'
import { insights } from './handler/insights'
import { load, remove, save, start } from './handler/instances'
import { submit } from './handler/submit'
import { refusal } from './http/errors'
import { errorResponse } from './http/respond'
import { createLimits, type LimitOptions, type RequestInfo } from './limits'
import type { AnyDefinition, AuthorizeDetails, AuthorizeResult, Definitions, InstanceStore, Migration, ServerActions } from './types'

export interface FlowkitHandlerOptions {
  /** The workflows clients may start, by id or as a list. Use the same definitions as the client. */
  readonly definitions: Definitions
  /** Where instances are kept: `sqliteStore()` from `@flowkit/server/sqlite` or `postgresStore()` from `@flowkit/server/postgres`. */
  readonly store: InstanceStore
  /** The path the handler is mounted at, e.g. `'/api/flowkit'`; requests outside it get 404. @default '' */
  readonly basePath?: string
  /** Ties instances to your users: see `AuthorizeResult`. Without it, whoever holds a resume token may use it. */
  readonly authorize?: (details: AuthorizeDetails) => AuthorizeResult | Promise<AuthorizeResult>
  /**
   * Actions that run only on the server, on submit, after the replay is verified and the submission claimed:
   * `{ [workflowId]: { [stepId]: [action] } }`. They run at most once per submission (see the README), each with a
   * stable `idempotencyKey` to hand to payment and mail providers.
   */
  readonly serverActions?: Readonly<Record<string, ServerActions>>
  /**
   * Top-level state keys each workflow's actions compute differently on every run (a receipt number, a timestamp):
   * replay does not compare them and keeps the server's value. `{ [workflowId]: ['receipt'] }`.
   * @default {}
   */
  readonly serverComputed?: Readonly<Record<string, readonly string[]>>
  /**
   * After a deploy that bumps a definition's `version`: how to turn its instances saved under an older version into
   * ones of the current version, `{ [workflowId]: (snapshot, fromVersion) => snapshot }` (core's `migrate`, the one the
   * browser passes to `createWorkflow`). Loads answer converted snapshots, and saves and submissions of an older
   * version are converted, then checked and verified as usual; what is stored is at the current version. Without
   * one, such saves and submissions are refused with 422 `SNAPSHOT_MISMATCH`.
   * @default {}
   * @example
   * migrations: { signup: (snapshot, fromVersion) => (fromVersion === 1 ? { ...snapshot, version: 2 } : snapshot) }
   */
  readonly migrations?: Readonly<Record<string, Migration>>
  /** How long a resume token lives after the last save, in milliseconds. @default 2592000000 (30 days) */
  readonly ttl?: number
  /**
   * How long a submission holds its instance while its server actions run, in milliseconds. Their `signal` aborts
   * when it runs out; a submission whose server died is taken over by a retry after that. @default 30000
   */
  readonly submitLease?: number
  /** Largest request body accepted, in bytes. @default 1048576 (1 MiB) */
  readonly maxBodyBytes?: number
  /** Per-caller rate limit and cap on started instances (rate-limiter-flexible). @default no limits */
  readonly limits?: LimitOptions
  /** `Retry-After` (seconds) sent with 503 `STORAGE_UNAVAILABLE`. @default 1 */
  readonly retryAfter?: number
  /** The clock. @default Date.now */
  readonly now?: () => number
  /** Told about storage failures (answered with 503) and unexpected errors (500), for your logs. */
  readonly onError?: (error: unknown) => void
}

/**
 * A Fetch-API request handler: mount it in Hono, a Next.js route handler, Remix, or Node with `serve()` (which
 * passes the peer address as `info.remoteAddress`, the default caller key of `limits`).
 */
export type FlowkitHandler = (request: Request, info?: RequestInfo) => Promise<Response>

/** The definitions by id; each is run once here, so a broken one throws at start-up. */
const definitionMap = (given: Definitions): Map<string, AnyDefinition> => {
  const list: readonly AnyDefinition[] = Array.isArray(given) ? given : Object.values(given as Readonly<Record<string, AnyDefinition>>)
  const definitions = new Map(list.map((d) => [d.id, d]))
  if (definitions.size !== list.length) {
    const shared = [...new Set(list.map((d) => d.id).filter((id, i, ids) => ids.indexOf(id) !== i))]
    throw new WorkflowError(
      'INVALID_OPTION',
      `createFlowkitHandler: two definitions share an id (${shared.map((id) => `'${id}'`).join(', ')}); ids: ${list.map((d) => `'${d.id}'`).join(', ')}. Give each workflow its own id, or pass each definition once.`,
      { category: 'usage', details: { option: 'definitions', ids: shared } },
    )
  }
  return definitions
}

/** A path segment, decoded; a malformed escape is left as it is (and names no workflow). */
const decoded = (segment: string) => {
  try {
    return decodeURIComponent(segment)
  } catch {
    return segment
  }
}

/** What a request asks for, and whether answering it needs the store (the description of the API does not). */
interface Route {
  readonly run: () => Promise<Response> | Response
  readonly store: boolean
}

/** Which operation a request names: the base path itself, `instances`, `instances/:token`, `instances/:token/submit` or `insights/:workflow`. */
const routeOf = (context: Context, basePath: string, request: Request, key: string, limits: ReturnType<typeof createLimits>): Route => {
  const { pathname } = new URL(request.url)
  const outside = basePath && !(pathname === basePath || pathname.startsWith(`${basePath}/`))
  const parts = outside ? [] : pathname.slice(basePath.length).split('/').filter(Boolean)
  const method = request.method.toUpperCase()
  const only = (methods: string) => refusal('METHOD_NOT_ALLOWED', `${method.slice(0, 20)} is not allowed here; use ${methods}.`)
  const route = (run: Route['run'], store = true): Route => ({ run, store })
  if (!outside && parts.length === 0) {
    if (method !== 'GET') throw only('GET')
    return route(() => describe(context, basePath), false)
  }
  if (parts[0] === 'insights' && parts.length === 2) {
    if (method !== 'GET') throw only('GET')
    return route(() => insights(context, request, decoded(parts[1] as string)))
  }
  if (parts[0] !== 'instances' || parts.length > 3 || (parts.length === 3 && parts[2] !== 'submit')) {
    throw refusal(
      'NOT_FOUND',
      `no route ${pathname.slice(0, 200)}; routes are ${basePath || '/'} (what this server serves), ${basePath}/instances, ${basePath}/instances/:token[/submit] and ${basePath}/insights/:workflow.`,
    )
  }
  const token = parts[1] as string
  if (parts.length === 1) {
    if (method !== 'POST') throw only('POST')
    return route(() => start(context, request, () => limits.start(key)))
  }
  if (parts.length === 3) {
    if (method !== 'POST') throw only('POST')
    return route(() => submit(context, request, token))
  }
  if (method === 'GET') return route(() => load(context, request, token))
  if (method === 'PUT') return route(() => save(context, request, token))
  if (method === 'DELETE') return route(() => remove(context, request, token))
  throw only('GET, PUT, DELETE')
}

/**
 * Creates the request handler for starting, loading, saving, submitting and deleting workflow instances:
 * - `GET {basePath}` → 200 `{ name, api, routes, workflows }`: what this handler serves (no instances, no secrets)
 * - `POST {basePath}/instances` `{ workflow, snapshot? }` → 201 `{ token, version, snapshot, … }`
 * - `GET {basePath}/instances/:token` → 200 `{ version, status, snapshot, result, expiresAt }`
 * - `PUT {basePath}/instances/:token` `{ baseVersion, snapshot }` → 200, or 409 `{ error, current }` when someone saved first
 * - `POST {basePath}/instances/:token/submit` `{ baseVersion, snapshot }` → 200 after a verified replay, else 422 with the reason
 * - `DELETE {basePath}/instances/:token` → 204
 * - `GET {basePath}/insights/:workflow?version=&from=&to=` → 200 `FlowInsights`, only when `authorize` allows `insights`
 * @example
 * const handler = createFlowkitHandler({ definitions: [enrollment], store: sqliteStore({ filename: 'flowkit.db' }) })
 * serve(handler, { port: 8787 })
 */
export function createFlowkitHandler(options: FlowkitHandlerOptions): FlowkitHandler {
  const store = guardedStore(options.store, options.onError, options.retryAfter ?? 1)
  const context = contextOf(options, definitionMap(options.definitions), store)
  const basePath = (options.basePath ?? '').replace(/\/+$/, '')
  const limits = createLimits(options.limits)
  let ready: Promise<void> | undefined

  return async (request, info = {}) => {
    try {
      const key = await limits.request(request, info)
      const route = routeOf(context, basePath, request, key, limits)
      if (route.store) {
        ready ??= store.init().catch((error) => {
          ready = undefined
          throw error
        })
        await ready
      }
      return await route.run()
    } catch (error) {
      if (isWorkflowError(error) && error.code !== 'INTERNAL') return errorResponse(error)
      options.onError?.(error)
      return errorResponse(refusal('INTERNAL', 'the server failed unexpectedly; nothing was changed. The error was logged.'))
    }
  }
}
