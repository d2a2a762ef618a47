import { WorkflowError } from '@flowkit/core'
import type { FlowInsights, InsightsQuery, InstanceStore } from '@flowkit/server'
import type { CliIO } from './runCli'

/** What `flowkit insights` needs of @flowkit/server, loaded only when the command runs (an optional peer). */
interface ServerModules {
  readonly queryInsights: (store: InstanceStore, query: InsightsQuery) => Promise<FlowInsights>
}

export interface InsightsValues {
  db?: string
  version?: string
  from?: string
  to?: string
  json?: boolean
  table?: string
  'abandon-after'?: string
}

/**
 * A wrong command line of `flowkit insights`, in the CLI's words (`--from must be…`): an `INVALID_OPTION`
 * WorkflowError of the usage category, which the CLI prints after `flowkit insights:` and exits 2 for.
 */
const usage = (message: string, flag?: string) =>
  new WorkflowError('INVALID_OPTION', message, {
    category: 'usage',
    details: { command: 'insights', ...(flag === undefined ? {} : { flag }) },
  })

const load = async (specifier: string): Promise<any> => {
  try {
    return await import(/* @vite-ignore */ specifier)
  } catch (error) {
    if ((error as { code?: string }).code !== 'ERR_MODULE_NOT_FOUND' || !String(error).includes('@flowkit/server')) throw error
    throw new WorkflowError(
      'MISSING_DEPENDENCY',
      'flowkit insights needs @flowkit/server (an optional peer of @flowkit/tools): npm install @flowkit/server',
      { category: 'usage', cause: error, details: { package: '@flowkit/server' } },
    )
  }
}

const serverModules = async (): Promise<ServerModules> => load('@flowkit/server')

/** The store for a database URL (PostgreSQL) or a SQLite file. */
const openStore = async (db: string, table: string | undefined): Promise<InstanceStore> => {
  const options = table === undefined ? {} : { table }
  if (/^postgres(ql)?:\/\//.test(db)) return (await load('@flowkit/server/postgres')).postgresStore({ connectionString: db, ...options })
  const { existsSync } = await import('node:fs')
  if (!existsSync(db)) throw usage(`--db ${db}: no such SQLite file; give the file the server writes, or a postgres:// URL.`, '--db')
  return (await load('@flowkit/server/sqlite')).sqliteStore({ filename: db, ...options })
}

const timeOf = (name: string, text: string | undefined) => {
  if (text === undefined) return undefined
  const value = /^-?\d+$/.test(text) ? Number(text) : Date.parse(text)
  if (!Number.isSafeInteger(value))
    throw usage(`--${name} must be an ISO date like 2026-12-01 or ms since the epoch, not '${text}'.`, `--${name}`)
  return value
}

/** The query a command line asks for. */
export const queryOf = (workflow: string, values: InsightsValues): InsightsQuery => {
  const from = timeOf('from', values.from)
  const to = timeOf('to', values.to)
  const abandon = values['abandon-after']
  if (abandon !== undefined && !/^\d+$/.test(abandon))
    throw usage(`--abandon-after must be minutes (a whole number), not '${abandon}'.`, '--abandon-after')
  return {
    workflow,
    ...(values.version !== undefined && { version: /^\d{1,15}$/.test(values.version) ? Number(values.version) : values.version }),
    ...(from !== undefined && { from }),
    ...(to !== undefined && { to }),
    ...(abandon !== undefined && { abandonAfter: Number(abandon) * 60_000 }),
  }
}

/** `1.2s`, `4m 05s`, `1h 02m`; `–` for none. */
export const duration = (ms: number | null): string => {
  if (ms === null) return '–'
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)}s`
  const s = Math.round(ms / 1000)
  if (s < 3600) return `${Math.floor(s / 60)}m ${String(s % 60).padStart(2, '0')}s`
  return `${Math.floor(s / 3600)}h ${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m`
}

const int = (n: number) => n.toLocaleString('en-US')
const pct = (n: number) => `${(n * 100).toFixed(1)}%`

/** Columns padded to their widest cell; numbers right-aligned. */
const table = (head: readonly string[], rows: readonly (readonly string[])[], right: ReadonlySet<number>) => {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)))
  const line = (cells: readonly string[]) =>
    cells
      .map((c, i) => (right.has(i) ? c.padStart(widths[i] as number) : c.padEnd(widths[i] as number)))
      .join('  ')
      .trimEnd()
  return [line(head), line(widths.map((w) => '─'.repeat(w))), ...rows.map(line)].join('\n')
}

/** The insights as a terminal report: the journeys, a table of steps, the most frequent paths. */
export const formatInsights = (i: FlowInsights): string => {
  const range = `${i.from === null ? 'the first' : new Date(i.from).toISOString()} … ${i.to === null ? 'now' : new Date(i.to).toISOString()}`
  const j = i.journeys
  const steps = i.steps.map((s) => [
    s.step,
    int(s.reached),
    int(s.completed),
    int(s.abandoned),
    int(s.backs),
    duration(s.medianMs),
    duration(s.p90Ms),
    s.blockingFields.map((f) => `${f.field || '(input)'} ${int(f.count)}`).join(', '),
  ])
  const head = ['step', 'reached', 'completed', 'abandoned', 'backs', 'median', 'p90', 'blocking fields']
  const paths = i.paths.map((p) => `${int(p.count).padStart(8)}  ${p.steps.join(' → ')}`)
  return [
    `${i.workflow} (${i.version === null ? 'all versions' : `version ${i.version}`}), journeys started ${range}`,
    `${int(j.started)} started · ${int(j.completed)} completed (${pct(j.completionRate)}) · ${int(j.abandoned)} abandoned (idle > ${duration(i.abandonAfter)}) · ${int(j.inProgress)} in progress · ${int(j.resumed)} resumed on another device`,
    '',
    table(head, steps, new Set([1, 2, 3, 4, 5, 6])),
    '',
    'most frequent paths',
    ...(paths.length > 0 ? paths : ['       –']),
    '',
  ].join('\n')
}

/** `flowkit insights <workflow> --db <file | postgres://…> [--version] [--from] [--to] [--abandon-after] [--table] [--json]`. */
export const insights = async (args: readonly string[], values: InsightsValues, io: CliIO): Promise<number> => {
  const [workflow] = args
  if (args.length !== 1 || workflow === undefined || values.db === undefined) {
    throw usage('name one workflow and the database, e.g. flowkit insights enrollment --db data/flowkit.db')
  }
  const query = queryOf(workflow, values)
  const { queryInsights } = await serverModules()
  const { resolve } = await import('node:path')
  const db = /^postgres(ql)?:\/\//.test(values.db) ? values.db : resolve(io.cwd, values.db)
  const store = await openStore(db, values.table)
  try {
    const result = await queryInsights(store, query)
    io.out(values.json ? `${JSON.stringify(result, null, 2)}\n` : formatInsights(result))
    return 0
  } finally {
    await store.close()
  }
}
