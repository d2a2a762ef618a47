import Database from 'better-sqlite3'
import type { InstanceRecord, InstanceStore, InstanceUpdate } from '../types'
import { tableName } from './tableName'

export interface SqliteStoreOptions {
  /** A database file, or `':memory:'`. Ignored when `database` is given. @default 'flowkit.db' */
  readonly filename?: string
  /** An open better-sqlite3 database to use instead (it is not closed by `close()`). */
  readonly database?: Database.Database
  /** The table name: letters, digits and `_`. @default 'flowkit_instances' */
  readonly table?: string
}

interface Row {
  token_hash: string
  workflow: string
  owner: string | null
  version: number
  snapshot: string
  status: 'open' | 'submitted'
  result: string | null
  created_at: number
  updated_at: number
  expires_at: number
}

const toRecord = (row: Row): InstanceRecord => ({
  tokenHash: row.token_hash,
  workflow: row.workflow,
  owner: row.owner,
  version: row.version,
  snapshot: JSON.parse(row.snapshot),
  status: row.status,
  result: row.result === null ? null : JSON.parse(row.result),
  createdAt: row.created_at,
  updatedAt: row.updated_at,
  expiresAt: row.expires_at,
})

/**
 * Instances in a SQLite file with better-sqlite3 (WAL mode): the embedded default, no set-up.
 * @example
 * const store = sqliteStore({ filename: 'data/flowkit.db' })
 */
export function sqliteStore(options: SqliteStoreOptions = {}): InstanceStore {
  const table = tableName(options.table)
  const db = options.database ?? new Database(options.filename ?? 'flowkit.db')
  if (!options.database) {
    db.pragma('journal_mode = WAL')
    db.pragma('synchronous = NORMAL')
    db.pragma('busy_timeout = 5000')
  }
  db.exec(`CREATE TABLE IF NOT EXISTS ${table} (
    token_hash TEXT PRIMARY KEY,
    workflow TEXT NOT NULL,
    owner TEXT,
    version INTEGER NOT NULL,
    snapshot TEXT NOT NULL,
    status TEXT NOT NULL,
    result TEXT,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL
  );
  CREATE INDEX IF NOT EXISTS ${table}_expires ON ${table} (expires_at);`)
  const insert = db.prepare(
    `INSERT INTO ${table} (token_hash, workflow, owner, version, snapshot, status, result, created_at, updated_at, expires_at)
     VALUES (@token_hash, @workflow, @owner, @version, @snapshot, @status, @result, @created_at, @updated_at, @expires_at)`,
  )
  const get = db.prepare<[string], Row>(`SELECT * FROM ${table} WHERE token_hash = ?`)
  const update = db.prepare<[string, string, string | null, number, number, string, number, number], Row>(
    `UPDATE ${table} SET snapshot = ?, status = ?, result = ?, updated_at = ?, expires_at = ?, version = version + 1
     WHERE token_hash = ? AND version = ? AND expires_at > ? RETURNING *`,
  )
  const remove = db.prepare<[string]>(`DELETE FROM ${table} WHERE token_hash = ?`)
  const removeExpired = db.prepare<[number]>(`DELETE FROM ${table} WHERE expires_at <= ?`)

  return {
    init: async () => {},
    insert: async (r) => {
      insert.run({
        token_hash: r.tokenHash,
        workflow: r.workflow,
        owner: r.owner,
        version: r.version,
        snapshot: JSON.stringify(r.snapshot),
        status: r.status,
        result: r.result === null ? null : JSON.stringify(r.result),
        created_at: r.createdAt,
        updated_at: r.updatedAt,
        expires_at: r.expiresAt,
      })
    },
    get: async (tokenHash) => {
      const row = get.get(tokenHash)
      return row ? toRecord(row) : null
    },
    update: async (tokenHash, u: InstanceUpdate) => {
      const row = update.get(
        JSON.stringify(u.snapshot),
        u.status,
        u.result === null ? null : JSON.stringify(u.result),
        u.updatedAt,
        u.expiresAt,
        tokenHash,
        u.baseVersion,
        u.updatedAt,
      )
      return row ? toRecord(row) : null
    },
    remove: async (tokenHash) => remove.run(tokenHash).changes > 0,
    removeExpired: async (now) => removeExpired.run(now).changes,
    close: async () => {
      if (!options.database) db.close()
    },
  }
}
