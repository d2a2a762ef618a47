import pg from 'pg'
import type { InstanceRecord, InstanceStore, InstanceUpdate } from '../types'
import { tableName } from './tableName'

export interface PostgresStoreOptions {
  /** e.g. `postgres://user:pass@127.0.0.1:5432/app`. Ignored when `pool` is given. */
  readonly connectionString?: string
  /** A `pg.Pool` to use instead (it is not ended by `close()`). */
  readonly pool?: pg.Pool
  /** The table name: letters, digits and `_`. @default 'flowkit_instances' */
  readonly table?: string
  /** Connections in the pool this store creates. @default 10 */
  readonly max?: number
}

interface Row {
  token_hash: string
  workflow: string
  owner: string | null
  version: number
  snapshot: InstanceRecord['snapshot']
  status: 'open' | 'submitted'
  result: InstanceRecord['result']
  created_at: string
  updated_at: string
  expires_at: string
}

const toRecord = (row: Row): InstanceRecord => ({
  tokenHash: row.token_hash,
  workflow: row.workflow,
  owner: row.owner,
  version: row.version,
  snapshot: row.snapshot,
  status: row.status,
  result: row.result,
  createdAt: Number(row.created_at),
  updatedAt: Number(row.updated_at),
  expiresAt: Number(row.expires_at),
})

/**
 * Instances in PostgreSQL with `pg`, for deployments that outgrow one machine. Every query is parameterized;
 * saves are one atomic `UPDATE … WHERE version = $n`.
 * @example
 * const store = postgresStore({ connectionString: process.env.DATABASE_URL })
 */
export function postgresStore(options: PostgresStoreOptions = {}): InstanceStore {
  const table = tableName(options.table)
  const pool = options.pool ?? new pg.Pool({ connectionString: options.connectionString, max: options.max ?? 10 })
  let ready: Promise<void> | undefined
  const init = () => {
    ready ??= pool
      .query(
        `CREATE TABLE IF NOT EXISTS ${table} (
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
        CREATE INDEX IF NOT EXISTS ${table}_expires ON ${table} (expires_at);`,
      )
      .then(
        () => undefined,
        (error) => {
          ready = undefined
          throw error
        },
      )
    return ready
  }
  const query = async <R extends pg.QueryResultRow>(text: string, values: unknown[]) => {
    await init()
    return pool.query<R>(text, values)
  }
  const json = (value: unknown) => (value === null ? null : JSON.stringify(value))

  return {
    init,
    insert: async (r) => {
      await query(
        `INSERT INTO ${table} (token_hash, workflow, owner, version, snapshot, status, result, created_at, updated_at, expires_at)
         VALUES ($1, $2, $3, $4, $5::jsonb, $6, $7::jsonb, $8, $9, $10)`,
        [r.tokenHash, r.workflow, r.owner, r.version, json(r.snapshot), r.status, json(r.result), r.createdAt, r.updatedAt, r.expiresAt],
      )
    },
    get: async (tokenHash) => {
      const { rows } = await query<Row>(`SELECT * FROM ${table} WHERE token_hash = $1`, [tokenHash])
      return rows[0] ? toRecord(rows[0]) : null
    },
    update: async (tokenHash, u: InstanceUpdate) => {
      const { rows } = await query<Row>(
        `UPDATE ${table} SET snapshot = $1::jsonb, status = $2, result = $3::jsonb, updated_at = $4, expires_at = $5, version = version + 1
         WHERE token_hash = $6 AND version = $7 AND expires_at > $4 RETURNING *`,
        [json(u.snapshot), u.status, json(u.result), u.updatedAt, u.expiresAt, tokenHash, u.baseVersion],
      )
      return rows[0] ? toRecord(rows[0]) : null
    },
    remove: async (tokenHash) => ((await query(`DELETE FROM ${table} WHERE token_hash = $1`, [tokenHash])).rowCount ?? 0) > 0,
    removeExpired: async (now) => (await query(`DELETE FROM ${table} WHERE expires_at <= $1`, [now])).rowCount ?? 0,
    close: async () => {
      if (!options.pool) await pool.end()
    },
  }
}
