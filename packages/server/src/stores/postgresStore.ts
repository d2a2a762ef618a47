import type pg from 'pg'
import { jsonTextOf } from '../http/jsonText'
import {
  journaledInsert,
  journaledUpdate,
  journeyInsertValues,
  journeySchema,
  journeyValues,
  postgresInsights,
} from '../insights/postgresInsights'
import type { InsightsStoreOptions } from '../insights/types'
import { sha256 } from '../tokens'
import type { InstanceRecord, InstanceStore } from '../types'
import { requirePeer } from './requirePeer'
import { tableName } from './tableName'

export interface PostgresStoreOptions {
  /** e.g. `postgres://user:pass@127.0.0.1:5432/app`. Ignored when `pool` is given. */
  readonly connectionString?: string
  /** A `pg.Pool` to use instead (it is not ended by `close()`). */
  readonly pool?: pg.Pool
  /** The table name: letters, digits and `_`. @default 'flowkit_instances' */
  readonly table?: string
  /**
   * Connections in the pool this store creates for writes. Reads (a load, or the instance as it is after a refused
   * save) have 2 connections of their own, so a conflict's answer never queues behind the saves. @default 10
   */
  readonly max?: number
  /**
   * How long a request waits for a connection before it is answered 503 (the database is down, or every
   * connection is busy). @default 5000
   */
  readonly connectionTimeout?: number
  /**
   * Told when an idle connection fails (the database restarted or went away). Such errors never end the process:
   * the pool drops the connection and the next query opens a new one. @default ignored
   */
  readonly onError?: (error: Error) => void
  /** Journey insights: `false` records none; `retain` is how long events are kept. @default { record: true, retain: 90 days } */
  readonly insights?: InsightsStoreOptions | false
}

interface Row {
  token_hash: string
  workflow: string
  owner: string | null
  version: number
  snapshot: InstanceRecord['snapshot']
  status: InstanceRecord['status']
  result: InstanceRecord['result']
  submission: InstanceRecord['submission']
  claim: string | null
  lease_until: string | null
  attempts: number
  created_at: string
  updated_at: string
  expires_at: string
}

const toRecord = (row: Row | undefined): InstanceRecord | null =>
  row
    ? {
        tokenHash: row.token_hash,
        workflow: row.workflow,
        owner: row.owner,
        version: row.version,
        snapshot: row.snapshot,
        status: row.status,
        result: row.result,
        submission: row.submission,
        claim: row.claim,
        leaseUntil: row.lease_until === null ? null : Number(row.lease_until),
        attempts: row.attempts,
        createdAt: Number(row.created_at),
        updatedAt: Number(row.updated_at),
        expiresAt: Number(row.expires_at),
      }
    : null

/** A stable 31-bit key for the advisory lock that serializes schema changes of one table across processes. */
const lockKey = (table: string) => {
  let h = 0
  for (const c of table) h = (Math.imul(h, 31) + (c.codePointAt(0) ?? 0)) | 0
  return h & 0x7fffffff
}

/** One transaction (a multi-statement query), under an advisory lock so two processes starting at once do not race. */
const schema = (table: string) => `SELECT pg_advisory_xact_lock(${lockKey(table)});
  CREATE TABLE IF NOT EXISTS ${table} (
    token_hash TEXT PRIMARY KEY,
    workflow TEXT NOT NULL,
    owner TEXT,
    version INTEGER NOT NULL,
    snapshot JSONB NOT NULL,
    status TEXT NOT NULL,
    result JSONB,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL
  );
  ALTER TABLE ${table} ADD COLUMN IF NOT EXISTS submission JSONB,
    ADD COLUMN IF NOT EXISTS claim TEXT, ADD COLUMN IF NOT EXISTS lease_until BIGINT,
    ADD COLUMN IF NOT EXISTS attempts INTEGER NOT NULL DEFAULT 0;
  CREATE INDEX IF NOT EXISTS ${table}_expires ON ${table} (expires_at);${journeySchema(table)}`

/**
 * Creates or migrates the table, unless a migration by this same schema already did: its hash is the table's
 * comment. The DDL (`ALTER TABLE` takes an exclusive lock) then never runs beside the saves of a process already
 * serving, where a save holding one table's lock and waiting for the other's deadlocked with it.
 */
const migrated = async (pool: pg.Pool, table: string) => {
  const ddl = schema(table)
  const mark = `flowkit schema ${sha256(ddl).slice(0, 16)}`
  const { rows } = await pool.query<{ mark: string | null }>(`SELECT obj_description(to_regclass($1), 'pg_class') AS mark`, [table])
  if (rows[0]?.mark !== mark) await pool.query(`${ddl};\n  COMMENT ON TABLE ${table} IS '${mark}'`)
}

/** Every statement of the store; each write is one compare-and-set `UPDATE … WHERE … RETURNING`. */
const statements = (t: string) => ({
  insert: journaledInsert(
    t,
    'token_hash, workflow, owner, version, snapshot, status, result, submission, claim, lease_until, attempts, created_at, updated_at, expires_at',
    '$1, $2, $3, $4, $5::jsonb, $6, $7::jsonb, $8::jsonb, $9, $10, $11, $12, $13, $14',
    15,
  ),
  get: `SELECT * FROM ${t} WHERE token_hash = $1`,
  save: journaledUpdate(t, {
    set: `snapshot = $1::jsonb, updated_at = $2, expires_at = $3, version = ${t}.version + 1`,
    where: `${t}.token_hash = $4 AND ${t}.workflow = $5 AND ${t}.version = $6 AND ${t}.status = 'open' AND ${t}.expires_at > $2`,
    returning: `${t}.version, ${t}.status, ${t}.updated_at, ${t}.expires_at`,
    hash: '$4',
    now: '$2::bigint',
    j: 7,
  }),
  claim: `UPDATE ${t} SET status = 'submitting', claim = $1, lease_until = $2, submission = $3::jsonb
    WHERE token_hash = $4 AND version = $5 AND attempts = $7 AND status = 'open' AND expires_at > $6 RETURNING *`,
  reclaim: `UPDATE ${t} SET claim = $1, lease_until = $2
    WHERE token_hash = $3 AND status = 'submitting' AND claim = $4 AND lease_until <= $5 RETURNING *`,
  finish: journaledUpdate(t, {
    set: `status = 'submitted', snapshot = $1::jsonb, result = $2::jsonb, submission = $3::jsonb, claim = NULL,
      lease_until = NULL, updated_at = $4, expires_at = $5, version = ${t}.version + 1`,
    where: `${t}.token_hash = $6 AND ${t}.status = 'submitting' AND ${t}.claim = $7`,
    returning: `${t}.*`,
    hash: '$6',
    now: '$4::bigint',
    j: 8,
  }),
  release: `UPDATE ${t} SET status = 'open', claim = NULL, lease_until = NULL, submission = NULL, attempts = attempts + 1
    WHERE token_hash = $1 AND status = 'submitting' AND claim = $2 RETURNING *`,
  remove: `DELETE FROM ${t} WHERE token_hash = $1 AND status = ANY($2::text[])`,
  removeExpired: `DELETE FROM ${t} WHERE expires_at <= $1`,
})

const json = (value: unknown) => (value === null || value === undefined ? null : JSON.stringify(value))

/**
 * The pools: `pool` for writes, `readers` (2 connections of their own, unless `options.pool` is given) for reads.
 * Without a listener, an idle connection's error (the database stopped) is an unhandled 'error' event: the process
 * dies; `close` takes the listeners off and ends the pools this store created.
 */
const poolsOf = (options: PostgresStoreOptions) => {
  const poolOf = (max: number) =>
    new (requirePeer<typeof pg>('pg', '@flowkit/server/postgres').Pool)({
      connectionString: options.connectionString,
      max,
      connectionTimeoutMillis: options.connectionTimeout ?? 5000,
    })
  const pool = options.pool ?? poolOf(options.max ?? 10)
  const readers = options.pool ?? poolOf(2)
  const onIdleError = (error: Error) => options.onError?.(error)
  pool.on('error', onIdleError)
  if (readers !== pool) readers.on('error', onIdleError)
  const close = async () => {
    pool.off('error', onIdleError)
    readers.off('error', onIdleError)
    if (!options.pool) await Promise.all([pool.end(), readers.end()])
  }
  return { pool, readers, close }
}

/** The schema's migration, run once (again after a failure); `initialized` once it succeeded. */
const migrateOnce = (pool: pg.Pool, table: string) => {
  let ready: Promise<void> | undefined
  const state = {
    initialized: false,
    init: () => {
      ready ??= migrated(pool, table).then(
        () => {
          state.initialized = true
        },
        (error) => {
          ready = undefined
          throw error
        },
      )
      return ready
    },
  }
  return state
}

type Statement = keyof ReturnType<typeof statements>

/**
 * Runs a statement by name, after the migration. Each is a named (prepared once per connection) statement:
 * PostgreSQL parses and plans it once, not on every request. `get` goes to the readers.
 */
const runner = (pools: ReturnType<typeof poolsOf>, table: string, schema: ReturnType<typeof migrateOnce>) => {
  const sql = statements(table)
  const names = Object.fromEntries(Object.keys(sql).map((name) => [name, `flowkit_${name}_${table}`])) as Record<Statement, string>
  return <R extends pg.QueryResultRow>(name: Statement, values: unknown[]) => {
    const query = () => (name === 'get' ? pools.readers : pools.pool).query<R>({ name: names[name], text: sql[name], values })
    return schema.initialized ? query() : schema.init().then(query)
  }
}
type Run = ReturnType<typeof runner>

/** `update`: one compare-and-set statement, which also records the save's journey. */
const saving =
  (run: Run, recording: boolean): InstanceStore['update'] =>
  async (hash, u) => {
    const { rows } = await run<Pick<Row, 'version' | 'status' | 'updated_at' | 'expires_at'>>('save', [
      jsonTextOf(u.snapshot) ?? json(u.snapshot),
      u.updatedAt,
      u.expiresAt,
      hash,
      u.workflow,
      u.baseVersion,
      ...journeyValues(u.journey, recording),
    ])
    const row = rows[0]
    return row ? { version: row.version, status: row.status, updatedAt: Number(row.updated_at), expiresAt: Number(row.expires_at) } : null
  }

/**
 * Instances in PostgreSQL with `pg`, for deployments that outgrow one machine (run several server processes on one
 * database: the handlers keep no state of their own). Every query is parameterized; each write is one atomic
 * `UPDATE … WHERE version = $n AND status = …`.
 * @example
 * const store = postgresStore({ connectionString: process.env.DATABASE_URL })
 */
export function postgresStore(options: PostgresStoreOptions = {}): InstanceStore {
  const table = tableName(options.table)
  const pools = poolsOf(options)
  const schema = migrateOnce(pools.pool, table)
  const run = runner(pools, table, schema)
  const recording = options.insights !== false && options.insights?.record !== false
  const insights = postgresInsights(pools.pool, table, schema.init, options.insights === false ? {} : options.insights)
  const one = async (name: Statement, values: unknown[]) => toRecord((await run<Row>(name, values)).rows[0])
  return {
    init: schema.init,
    insert: async (r, journey) => {
      const values = [r.tokenHash, r.workflow, r.owner, r.version, json(r.snapshot), r.status, json(r.result), json(r.submission)]
      const rest = [r.claim, r.leaseUntil, r.attempts, r.createdAt, r.updatedAt, r.expiresAt]
      await run('insert', [...values, ...rest, ...journeyInsertValues(journey, recording)])
    },
    get: (hash) => one('get', [hash]),
    update: saving(run, recording),
    claim: (hash, c) => one('claim', [c.claim, c.leaseUntil, json(c.submission), hash, c.baseVersion, c.now, c.attempts]),
    reclaim: (hash, c) => one('reclaim', [c.claim, c.leaseUntil, hash, c.previous, c.now]),
    finish: (hash, f) => {
      const values = [json(f.snapshot), json(f.result), json(f.submission), f.updatedAt, f.expiresAt, hash, f.claim]
      return one('finish', [...values, ...journeyValues(f.journey, recording)])
    },
    release: (hash, claim) => one('release', [hash, claim]),
    remove: async (hash, statuses) => ((await run('remove', [hash, statuses])).rowCount ?? 0) > 0,
    removeExpired: async (now) => {
      const removed = (await run('removeExpired', [now])).rowCount ?? 0
      if (insights.retain !== false) await insights.prune(now - insights.retain)
      return removed
    },
    insights,
    close: pools.close,
  }
}
