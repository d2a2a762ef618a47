/**
 * The ready server: `npm run server` (root) or `npm run start -w @flowkit/server`.
 * Env: PORT (default 8787), HOST (default 127.0.0.1), BASE_PATH (default /api/flowkit),
 * DATABASE_URL (PostgreSQL; else SQLite in FLOWKIT_SQLITE, default .flowkit/flowkit.db),
 * FLOWKIT_DEFINITIONS (a module whose exports include workflow definitions; default the example enrollment flow),
 * FLOWKIT_RATE_LIMIT (requests per minute per caller, default 600; 0 turns it off),
 * FLOWKIT_MAX_INSTANCES (flows a caller may start per hour, default 50; 0 turns it off),
 * FLOWKIT_CALLER_HEADER (behind a proxy: the header naming the client, e.g. x-forwarded-for; default the peer address).
 * That module may also export `serverOptions` (serverActions, serverComputed, authorize, ttl, maxBodyBytes, limits), e.g.
 * `export const serverOptions = { serverComputed: { enrollment: ['receipt'] } }`.
 */
import { resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import type { WorkflowDefinition } from '@flowkit/core'
import { createFlowkitHandler, type FlowkitHandlerOptions, type LimitOptions } from '../src/index'
import { serve } from '../src/node/serve'
import { postgresStore } from '../src/stores/postgresStore'
import { sqliteStore } from '../src/stores/sqliteStore'

const isDefinition = (value: unknown): value is WorkflowDefinition =>
  typeof value === 'object' && value !== null && typeof (value as WorkflowDefinition).id === 'string' && 'steps' in value

const modulePath = process.env.FLOWKIT_DEFINITIONS
const exported: Record<string, unknown> = modulePath
  ? await import(pathToFileURL(resolve(process.env.INIT_CWD ?? process.cwd(), modulePath)).href)
  : await import('../src/examples/enrollment')
const definitions = Object.values(exported).filter(isDefinition)
if (definitions.length === 0) throw new Error(`${modulePath} exports no workflow definitions (defineWorkflow results).`)

type ServerOptions = Pick<
  FlowkitHandlerOptions,
  'serverActions' | 'serverComputed' | 'authorize' | 'ttl' | 'maxBodyBytes' | 'limits' | 'submitLease'
>
const serverOptions = (
  typeof exported.serverOptions === 'object' && exported.serverOptions !== null ? exported.serverOptions : {}
) as ServerOptions

/** A count from the environment: the default when unset, off at 0. */
const count = (name: string, fallback: number) => {
  const raw = process.env[name]
  const value = raw === undefined || raw === '' ? fallback : Number(raw)
  if (!Number.isSafeInteger(value) || value < 0)
    throw new Error(`${name} must be a whole number (0 turns it off), not '${process.env[name]}'.`)
  return value
}
const requests = count('FLOWKIT_RATE_LIMIT', 600)
const instances = count('FLOWKIT_MAX_INSTANCES', 50)
const header = process.env.FLOWKIT_CALLER_HEADER?.toLowerCase()
const limits: LimitOptions = {
  requests: requests > 0 && { points: requests, duration: 60 },
  instances: instances > 0 && { points: instances, duration: 3600 },
  ...(header && {
    key: (request, info) => request.headers.get(header)?.split(',')[0]?.trim() || (info.remoteAddress ?? 'anyone'),
  }),
  ...serverOptions.limits,
}

const sqliteFile = resolve(process.env.FLOWKIT_SQLITE ?? '.flowkit/flowkit.db')
const store = process.env.DATABASE_URL
  ? postgresStore({ connectionString: process.env.DATABASE_URL, onError: (error) => console.warn(`PostgreSQL: ${error.message}`) })
  : sqliteStore({ filename: sqliteFile })
const basePath = process.env.BASE_PATH ?? '/api/flowkit'
const handler = createFlowkitHandler({
  ...serverOptions,
  limits,
  definitions,
  store,
  basePath,
  onError: (error) => console.error(error),
})
const port = Number(process.env.PORT ?? 8787)
const hostname = process.env.HOST ?? '127.0.0.1'
const server = await serve(handler, { port, hostname }).catch(async (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EADDRINUSE') throw error
  // One line that says what to do, not a stack trace: this is the usual mistake of a second `npm run server` or `npm run demo`.
  console.error(
    `flowkit server: port ${port} on ${hostname} is in use (another \`npm run server\` or \`npm run demo\`?). Stop it, or choose another port: PORT=${port + 1} npm run server`,
  )
  await store.close()
  process.exit(1)
})
console.log(
  `flowkit server on ${server.url}${basePath} (${process.env.DATABASE_URL ? 'PostgreSQL' : `SQLite ${sqliteFile}`}); workflows: ${definitions.map((d) => d.id).join(', ')}; limits: ${requests || 'no'} requests/min, ${instances || 'no'} new flows/hour per caller`,
)
// Ctrl+C signals the whole process group, so a parent (`npm run demo`) may send SIGTERM right after SIGINT: stop once.
let stopping = false
const stop = async () => {
  if (stopping) return
  stopping = true
  await server.close()
  await store.close()
  process.exit(0)
}
process.once('SIGINT', stop)
process.once('SIGTERM', stop)
