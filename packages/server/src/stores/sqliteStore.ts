import { resolve } from 'node:path'
import type Database from 'better-sqlite3'
import { jsonTextOf } from '../http/jsonText'
import { START } from '../insights/advance'
import { migrateJourney, sqliteInsights, sqliteRecorder } from '../insights/sqliteInsights'
import type { InsightsStoreOptions, JourneyPosition, JourneyWrite } from '../insights/types'
import type { InstanceRecord, InstanceStore } from '../types'
import { type BackgroundCheckpoints, backgroundCheckpoints } from './backgroundCheckpoints'
import { groupCommit } from './groupCommit'
import { requirePeer, resolvePeer } from './requirePeer'
import { tableName } from './tableName'

export interface SqliteStoreOptions {
  /** A database file, or `':memory:'`. Ignored when `database` is given. @default 'flowkit.db' */
  readonly filename?: string
  /** An open better-sqlite3 database to use instead (it is not closed by `close()`). */
  readonly database?: Database.Database
  /** The table name: letters, digits and `_`. @default 'flowkit_instances' */
  readonly table?: string
  /**
   * How long a write waits for another process's lock before failing (answered 503 `STORAGE_UNAVAILABLE`, which
   * clients retry). better-sqlite3 waits synchronously, so keep it short. @default 1000
   */
  readonly busyTimeout?: number
  /** Journey insights: `false` records none; `retain` is how long events are kept. @default { record: true, retain: 90 days } */
  readonly insights?: InsightsStoreOptions | false
  /**
   * Checkpoint the WAL (copy it into the database file, then fsync) from a worker thread, so no request waits on the
   * event loop for the disk; the store's own connection checkpoints only every 10,000 pages, to keep the WAL file
   * bounded under non-stop writes. `false`: SQLite's inline checkpoint every 1,000 pages. Only for a file this
   * store opens. @default true
   */
  readonly backgroundCheckpoints?: boolean
}

interface Row {
  token_hash: string
  workflow: string
  owner: string | null
  version: number
  snapshot: string
  status: InstanceRecord['status']
  result: string | null
  submission: string | null
  claim: string | null
  lease_until: number | null
  attempts: number
  created_at: number
  updated_at: number
  expires_at: number
  journey_seq: number
  journey_at: number | null
  journey_rank: number
  journey_device: string | null
}

/** Where a row's journey stands: a save or finish leaves it as it was, so its `RETURNING` row tells the recorder. */
const positionOf = (row: Pick<Row, 'journey_seq' | 'journey_at' | 'journey_rank' | 'journey_device'>): JourneyPosition => ({
  seq: row.journey_seq,
  at: row.journey_at,
  rank: row.journey_rank,
  device: row.journey_device,
})

const parse = (text: string | null) => (text === null ? null : JSON.parse(text))
const text = (value: unknown) => (value === null || value === undefined ? null : JSON.stringify(value))

const toRecord = (row: Row | undefined): InstanceRecord | null =>
  row
    ? {
        tokenHash: row.token_hash,
        workflow: row.workflow,
        owner: row.owner,
        version: row.version,
        snapshot: JSON.parse(row.snapshot),
        status: row.status,
        result: parse(row.result),
        submission: parse(row.submission),
        claim: row.claim,
        leaseUntil: row.lease_until,
        attempts: row.attempts,
        createdAt: row.created_at,
        updatedAt: row.updated_at,
        expiresAt: row.expires_at,
      }
    : null

const COLUMNS: Readonly<Record<string, string>> = {
  submission: 'TEXT',
  claim: 'TEXT',
  lease_until: 'INTEGER',
  attempts: 'INTEGER NOT NULL DEFAULT 0',
}

/** Creates the table, and adds the columns a table made by an older version lacks. */
const migrate = (db: Database.Database, table: string) => {
  db.exec(`CREATE TABLE IF NOT EXISTS ${table} (
    token_hash TEXT PRIMARY KEY,
    workflow TEXT NOT NULL,
    owner TEXT,
    version INTEGER NOT NULL,
    snapshot TEXT NOT NULL,
    status TEXT NOT NULL,
    result TEXT,
    submission TEXT,
    claim TEXT,
    lease_until INTEGER,
    attempts INTEGER NOT NULL DEFAULT 0,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL
  );
  CREATE INDEX IF NOT EXISTS ${table}_expires ON ${table} (expires_at);`)
  const present = new Set((db.pragma(`table_info(${table})`) as { name: string }[]).map((c) => c.name))
  for (const [name, type] of Object.entries(COLUMNS)) if (!present.has(name)) db.exec(`ALTER TABLE ${table} ADD COLUMN ${name} ${type}`)
}

/** Every statement of the store, prepared once. Each write is one compare-and-set `UPDATE … WHERE … RETURNING *`. */
const statements = (db: Database.Database, table: string) => ({
  insert: db.prepare(
    `INSERT INTO ${table} (token_hash, workflow, owner, version, snapshot, status, result, submission, claim, lease_until, attempts, created_at, updated_at, expires_at)
     VALUES (@token_hash, @workflow, @owner, @version, @snapshot, @status, @result, @submission, @claim, @lease_until, @attempts, @created_at, @updated_at, @expires_at)`,
  ),
  get: db.prepare<[string], Row>(`SELECT * FROM ${table} WHERE token_hash = ?`),
  update: db.prepare<
    [string, number, number, string, string, number, number],
    Pick<Row, 'version' | 'status' | 'updated_at' | 'expires_at' | 'journey_seq' | 'journey_at' | 'journey_rank' | 'journey_device'>
  >(
    `UPDATE ${table} SET snapshot = ?, updated_at = ?, expires_at = ?, version = version + 1
     WHERE token_hash = ? AND workflow = ? AND version = ? AND status = 'open' AND expires_at > ?
     RETURNING version, status, updated_at, expires_at, journey_seq, journey_at, journey_rank, journey_device`,
  ),
  claim: db.prepare<[string, number, string, string, number, number, number], Row>(
    `UPDATE ${table} SET status = 'submitting', claim = ?, lease_until = ?, submission = ?
     WHERE token_hash = ? AND version = ? AND attempts = ? AND status = 'open' AND expires_at > ? RETURNING *`,
  ),
  reclaim: db.prepare<[string, number, string, string, number], Row>(
    `UPDATE ${table} SET claim = ?, lease_until = ?
     WHERE token_hash = ? AND status = 'submitting' AND claim = ? AND lease_until <= ? RETURNING *`,
  ),
  finish: db.prepare<[string, string, string, number, number, string, string], Row>(
    `UPDATE ${table} SET status = 'submitted', snapshot = ?, result = ?, submission = ?, claim = NULL, lease_until = NULL,
       updated_at = ?, expires_at = ?, version = version + 1
     WHERE token_hash = ? AND status = 'submitting' AND claim = ? RETURNING *`,
  ),
  release: db.prepare<[string, string], Row>(
    `UPDATE ${table} SET status = 'open', claim = NULL, lease_until = NULL, submission = NULL, attempts = attempts + 1
     WHERE token_hash = ? AND status = 'submitting' AND claim = ? RETURNING *`,
  ),
  remove: db.prepare<[string, string]>(`DELETE FROM ${table} WHERE token_hash = ? AND status IN (SELECT value FROM json_each(?))`),
  removeExpired: db.prepare<[number]>(`DELETE FROM ${table} WHERE expires_at <= ?`),
})

/** A record as the insert statement's named parameters. */
const columnsOf = (r: InstanceRecord) => ({
  token_hash: r.tokenHash,
  workflow: r.workflow,
  owner: r.owner,
  version: r.version,
  snapshot: JSON.stringify(r.snapshot),
  status: r.status,
  result: text(r.result),
  submission: text(r.submission),
  claim: r.claim,
  lease_until: r.leaseUntil,
  attempts: r.attempts,
  created_at: r.createdAt,
  updated_at: r.updatedAt,
  expires_at: r.expiresAt,
})

/**
 * Runs a write and its journey events in one transaction: the events are recorded only if the write was made, after
 * the position `written` reads off what the write returned (no statement of its own). Without a recorder or a
 * journey, just the write.
 */
const journaling = (db: Database.Database, journeys: ReturnType<typeof sqliteRecorder> | undefined) => {
  const atomically = db.transaction((work: () => unknown) => work())
  return <R>(
    hash: string,
    journey: JourneyWrite | undefined,
    now: number,
    write: () => R,
    written: (result: NonNullable<R>) => { readonly workflow: string; readonly from: JourneyPosition },
  ): R => {
    if (!journey || !journeys) return write()
    return atomically(() => {
      const result = write()
      if (result) {
        const { workflow, from } = written(result)
        journeys.record(hash, workflow, from, journey, now)
      }
      return result
    }) as R
  }
}

const openDatabase = (filename: string): Database.Database => {
  const Sqlite = requirePeer<typeof Database>('better-sqlite3', '@flowkit/server/sqlite')
  return new Sqlite(filename)
}

/**
 * The pragmas of a database the store opened itself. WAL with `synchronous = NORMAL`: a save is acknowledged once
 * its commit is in the WAL (written, not fsynced), so a crashed or killed process loses nothing; an OS crash or power
 * loss can roll back the commits after the last checkpoint's fsync (milliseconds with background checkpoints), and the
 * database stays consistent. Returns the background checkpointer, if any.
 */
const tune = (db: Database.Database, filename: string, options: SqliteStoreOptions, busyTimeout: number) => {
  db.pragma('journal_mode = WAL')
  db.pragma('synchronous = NORMAL')
  const inMemory = filename === '' || filename === ':memory:' || db.memory
  if (inMemory || options.backgroundCheckpoints === false) return undefined
  db.pragma('wal_autocheckpoint = 10000')
  const inline = () => {
    if (db.open) db.pragma('wal_autocheckpoint = 1000')
  }
  return backgroundCheckpoints(resolvePeer('better-sqlite3'), resolve(db.name), busyTimeout, inline)
}

/**
 * Instances in a SQLite file with better-sqlite3 (WAL mode): the embedded default, no set-up.
 * @example
 * const store = sqliteStore({ filename: 'data/flowkit.db' })
 */
export function sqliteStore(options: SqliteStoreOptions = {}): InstanceStore {
  const table = tableName(options.table)
  const filename = options.filename ?? 'flowkit.db'
  const db = options.database ?? openDatabase(filename)
  const busyTimeout = Math.max(0, Math.floor(options.busyTimeout ?? 1000))
  db.pragma(`busy_timeout = ${busyTimeout}`)
  const checkpoints: BackgroundCheckpoints | undefined = options.database ? undefined : tune(db, filename, options, busyTimeout)
  migrate(db, table)
  migrateJourney(db, table)
  const s = statements(db, table)
  const insights = options.insights === false ? { record: false } : options.insights
  const journeys = insights?.record === false ? undefined : sqliteRecorder(db, table)
  const journaled = journaling(db, journeys)
  const source = sqliteInsights(db, table, insights)
  const write = groupCommit(db)
  return {
    init: async () => {},
    insert: async (r, journey) => {
      const insert = () => s.insert.run(columnsOf(r))
      await write(() => journaled(r.tokenHash, journey, r.createdAt, insert, () => ({ workflow: r.workflow, from: START })))
    },
    get: async (hash) => toRecord(s.get.get(hash)),
    update: async (hash, u) => {
      const save = () =>
        s.update.get(
          jsonTextOf(u.snapshot) ?? JSON.stringify(u.snapshot),
          u.updatedAt,
          u.expiresAt,
          hash,
          u.workflow,
          u.baseVersion,
          u.updatedAt,
        )
      const row = await write(() =>
        journaled(hash, u.journey, u.updatedAt, save, (saved) => ({ workflow: u.workflow, from: positionOf(saved) })),
      )
      return row ? { version: row.version, status: row.status, updatedAt: row.updated_at, expiresAt: row.expires_at } : null
    },
    claim: async (hash, c) =>
      toRecord(await write(() => s.claim.get(c.claim, c.leaseUntil, JSON.stringify(c.submission), hash, c.baseVersion, c.attempts, c.now))),
    reclaim: async (hash, c) => toRecord(await write(() => s.reclaim.get(c.claim, c.leaseUntil, hash, c.previous, c.now))),
    finish: async (hash, f) => {
      const finish = () =>
        s.finish.get(
          JSON.stringify(f.snapshot),
          JSON.stringify(f.result),
          JSON.stringify(f.submission),
          f.updatedAt,
          f.expiresAt,
          hash,
          f.claim,
        )
      return toRecord(
        await write(() => journaled(hash, f.journey, f.updatedAt, finish, (row) => ({ workflow: row.workflow, from: positionOf(row) }))),
      )
    },
    release: async (hash, claim) => toRecord(await write(() => s.release.get(hash, claim))),
    remove: async (hash, statuses) => (await write(() => s.remove.run(hash, JSON.stringify(statuses)).changes)) > 0,
    removeExpired: async (now) => {
      const removed = await write(() => s.removeExpired.run(now).changes)
      if (source.retain !== false) await source.prune(now - source.retain)
      return removed
    },
    insights: source,
    close: async () => {
      write.flush()
      await checkpoints?.stop()
      if (!options.database) db.close()
    },
  }
}
