/**
 * `npm run bench:insights -w @flowkit/server`: the time of one `queryInsights` (the whole aggregate, one flow, no
 * time range) over simulated enrollment journeys (the demo's simulator: drop-off, stalls, back-tracks, invalid
 * fields), on PostgreSQL at 10,000 and 100,000 journeys and on SQLite at 10,000, with the ratio of each to the
 * 10,000 run of its database. `BENCH_INSIGHTS_1M=1` adds PostgreSQL at 1,000,000 (loading takes minutes).
 * Env: BENCH_INSIGHTS_SIZES (e.g. `10000,1000000`, overrides the PostgreSQL sizes), DATABASE_URL / FLOWKIT_PG_URL
 * (else a throw-away PostgreSQL), BENCH_RUNS (5: the median is printed), BENCH_KEEP=1 (keep the PostgreSQL tables).
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import pg from 'pg'
import { randomFrom, simulateJourney } from '../../../apps/demo/scripts/simulateJourneys'
import { enrollmentProfile } from '../../../apps/demo/scripts/simulateProfile'
import { enrollment } from '../../../apps/demo/src/flows/enrollment'
import { type InsightsQuery, type InstanceStore, queryInsights, recordedJourney, refreshInsights } from '../src/index'
import { postgresStore } from '../src/stores/postgresStore'
import { sqliteStore } from '../src/stores/sqliteStore'
import { startPostgres } from '../test/helpers/startPostgres'

const RUNS = Number(process.env.BENCH_RUNS ?? 5)
const NOW = Date.UTC(2026, 11, 1)
const sizes = (process.env.BENCH_INSIGHTS_SIZES ?? `10000,100000${process.env.BENCH_INSIGHTS_1M === '1' ? ',1000000' : ''}`)
  .split(',')
  .map(Number)

/** Columns of the journey table, one array each, for a batch of simulated journeys (what `insert` records for them). */
interface Batch {
  instance: string[]
  version: (string | null)[]
  seq: number[]
  type: string[]
  step: string[]
  at: number[]
  reason: (string | null)[]
  fields: (string | null)[]
}

const random = randomFrom(15)
let serial = 0
/** `journeys` simulated journeys starting one after another over `[from, from + span)`, as they reach a server. */
const simulate = (journeys: number, from: number, span: number): Batch => {
  const b: Batch = { instance: [], version: [], seq: [], type: [], step: [], at: [], reason: [], fields: [] }
  for (let i = 0; i < journeys; i++) {
    const start = from + Math.floor(((i + random()) * span) / journeys)
    const { snapshot, submittedAt } = simulateJourney(enrollment, enrollmentProfile, random, start)
    const journey = recordedJourney(enrollment, snapshot, null, submittedAt === null ? undefined : { type: 'submitted', at: submittedAt })
    const instance = `bench-${(++serial).toString(36).padStart(8, '0')}`
    for (const [n, [type, step, at, reason, fields]] of journey.rows.entries()) {
      b.instance.push(instance)
      b.version.push(journey.version)
      b.seq.push(n + 1)
      b.type.push(type)
      b.step.push(step)
      b.at.push(at)
      b.reason.push(reason)
      b.fields.push(fields && JSON.stringify(fields))
    }
  }
  return b
}

const DAYS = 30 * 86_400_000

/**
 * Loads `journeys` simulated journeys over the last 30 days into `insert`, 20,000 at a time in the order they
 * started, folding each batch into the rollups as a live store's refresh would; returns the events and the seconds
 * spent folding.
 */
const load = async (store: InstanceStore, journeys: number, insert: (batch: Batch) => Promise<void> | void) => {
  let events = 0
  let foldMs = 0
  for (let done = 0; done < journeys; done += 20_000) {
    const n = Math.min(20_000, journeys - done)
    const batch = simulate(n, NOW - DAYS + Math.floor((done * DAYS) / journeys), Math.floor((n * DAYS) / journeys))
    events += batch.seq.length
    await insert(batch)
    const started = performance.now()
    await refreshInsights(store)
    foldMs += performance.now() - started
  }
  return { events, foldS: foldMs / 1000 }
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number

/** The median time of `RUNS` queries after one warm-up. */
const timeOf = async (store: InstanceStore, query: InsightsQuery) => {
  const first = await queryInsights(store, query)
  const times: number[] = []
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now()
    await queryInsights(store, query)
    times.push(performance.now() - started)
  }
  return { ms: median(times), started: first.journeys.started }
}

/** The whole history (30 days), and the last day as a dashboard asks (its journeys found by the index on starts). */
const time = async (store: InstanceStore) => {
  const all = await timeOf(store, { workflow: 'enrollment', now: NOW })
  const day = await timeOf(store, { workflow: 'enrollment', from: NOW - 86_400_000, to: NOW, now: NOW })
  return { ms: all.ms, started: all.started, dayMs: day.ms, dayJourneys: day.started }
}

/** The time of one query right after 1,000 more journeys were written: it folds them in first. */
const fresh = async (store: InstanceStore, insert: (batch: Batch) => Promise<void> | void) => {
  await insert(simulate(1_000, NOW - 3_600_000, 3_600_000))
  const started = performance.now()
  await queryInsights(store, { workflow: 'enrollment', now: NOW })
  return performance.now() - started
}

interface Result {
  readonly database: string
  readonly journeys: number
  readonly events: number
  readonly loadS: number
  /** Folding the loaded events into the rollups, batch by batch as they arrived. */
  readonly foldS: number
  /** One `queryInsights` right after 1,000 more journeys were written (it folds them first). */
  readonly freshMs: number
  readonly ms: number
  readonly dayMs: number
  readonly dayJourneys: number
}

const postgres = async (url: string, journeys: number): Promise<Result> => {
  const pool = new pg.Pool({ connectionString: url, max: 2 })
  const table = `bench_insights_${journeys}`
  await pool.query(`DROP TABLE IF EXISTS ${table}, ${table}_journey`)
  const store = postgresStore({ pool, table })
  await store.init()
  const loading = performance.now()
  const insert = async (b: Batch) => {
    await pool.query(
      `INSERT INTO ${table}_journey (instance, workflow, version, seq, type, step, at, reason, fields)
       SELECT i, 'enrollment', v, s, t, st, a, r, f::jsonb
       FROM unnest($1::text[], $2::text[], $3::int[], $4::text[], $5::text[], $6::bigint[], $7::text[], $8::text[]) AS u(i, v, s, t, st, a, r, f)`,
      [b.instance, b.version, b.seq, b.type, b.step, b.at, b.reason, b.fields],
    )
  }
  const { events, foldS } = await load(store, journeys, insert)
  await pool.query(`VACUUM ANALYZE ${table}_journey`)
  const loadS = (performance.now() - loading) / 1000 - foldS
  await pool.query(`VACUUM ANALYZE ${table}_journeys, ${table}_rollup`)
  const { ms, started, dayMs, dayJourneys } = await time(store)
  if (started !== journeys) throw new Error(`PostgreSQL counted ${started} journeys of ${journeys}`)
  const freshMs = await fresh(store, insert)
  if (process.env.BENCH_KEEP !== '1') {
    await pool.query(`DROP TABLE ${table}, ${table}_journey, ${table}_journeys, ${table}_rollup, ${table}_rollup_mark`)
  }
  await store.close()
  await pool.end()
  return { database: 'PostgreSQL', journeys, events, loadS, foldS, ms, dayMs, dayJourneys, freshMs }
}

const sqlite = async (journeys: number): Promise<Result> => {
  const dir = mkdtempSync(join(tmpdir(), 'flowkit-bench-insights-'))
  const db = new Database(join(dir, 'bench.db'))
  db.pragma('journal_mode = WAL')
  const store = sqliteStore({ database: db })
  const row = db.prepare(`INSERT INTO flowkit_instances_journey (instance, workflow, version, seq, type, step, at, reason, fields, logged)
    VALUES (?, 'enrollment', ?, ?, ?, ?, ?, ?, ?, ?)`)
  const insert = db.transaction((b: Batch) => {
    const logged = Date.now()
    for (let i = 0; i < b.seq.length; i++)
      row.run(b.instance[i], b.version[i], b.seq[i], b.type[i], b.step[i], b.at[i], b.reason[i], b.fields[i], logged)
  })
  const loading = performance.now()
  const { events, foldS } = await load(store, journeys, insert)
  const loadS = (performance.now() - loading) / 1000 - foldS
  db.exec('ANALYZE')
  const { ms, started, dayMs, dayJourneys } = await time(store)
  if (started !== journeys) throw new Error(`SQLite counted ${started} journeys of ${journeys}`)
  const freshMs = await fresh(store, insert)
  await store.close()
  db.close()
  rmSync(dir, { recursive: true, force: true })
  return { database: 'SQLite', journeys, events, loadS, foldS, ms, dayMs, dayJourneys, freshMs }
}

const pgServer = await startPostgres()
if (!pgServer) throw new Error('bench:insights needs PostgreSQL: install it (apt-get install -y postgresql) or set DATABASE_URL.')
const results: Result[] = []
try {
  for (const n of sizes) results.push(await postgres(pgServer.url, n))
  results.push(await sqlite(10_000))
} finally {
  pgServer.stop()
}

const base = (r: Result) =>
  results.find(
    (b) => b.database === r.database && b.journeys === Math.min(...results.filter((x) => x.database === r.database).map((x) => x.journeys)),
  ) as Result
console.log(
  '\nqueryInsights over simulated enrollment journeys started in the last 30 days: all of them, and the last day (median of %d runs after a warm-up; ×: vs the first size of the same database)\n',
  RUNS,
)
console.table(
  results.map((r) => ({
    database: r.database,
    journeys: r.journeys.toLocaleString('en'),
    events: r.events.toLocaleString('en'),
    'load s': r.loadS.toFixed(1),
    'fold s': r.foldS.toFixed(1),
    'fold events/s': Math.round(r.events / r.foldS).toLocaleString('en'),
    'all: ms': Math.round(r.ms),
    'µs / journey': ((r.ms * 1000) / r.journeys).toFixed(1),
    'data ×': (r.journeys / base(r).journeys).toFixed(0),
    'time ×': (r.ms / base(r).ms).toFixed(1),
    'last day: journeys': r.dayJourneys.toLocaleString('en'),
    'last day: ms': Math.round(r.dayMs),
    'last day: time ×': (r.dayMs / base(r).dayMs).toFixed(1),
    '+1,000 then query: ms': Math.round(r.freshMs),
  })),
)
