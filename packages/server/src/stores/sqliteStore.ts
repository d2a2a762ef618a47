import { mkdirSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { WorkflowError } from '@flowkit/core'
import type Database from 'better-sqlite3'
import { jsonTextOf } from '../http/jsonText'
import { START } from '../insights/advance'
import { migrateJourney, sqliteInsights, sqliteRecorder } from '../insights/sqliteInsights'
import type { InsightsStoreOptions, JourneyPosition, JourneyWrite } from '../insights/types'
import type { InstanceRecord, InstanceStore } from '../types'
import { type BackgroundCheckpoints, backgroundCheckpoints } from './backgroundCheckpoints'
import { type GroupCommit, groupCommit } from './groupCommit'
import { requirePeer, resolvePeer, unbuiltAddon } from './requirePeer'
import { tableName } from './tableName'

/**
 * An open better-sqlite3 database (`new Database(file)`), described by the few members it is recognised by, so that
 * these type declarations do not need `@types/better-sqlite3`.
 */
export interface SqliteDatabase {
  readonly name: string
  readonly memory: boolean
  readonly open: boolean
  prepare(source: string): unknown
  exec(source: string): unknown
  pragma(source: string, options?: { simple?: boolean }): unknown
  close(): unknown
}

export interface SqliteStoreOptions {
  /**
   * A database file, or `':memory:'`. Ignored when `database` is given. The file's folder is created if it is missing.
   * @default 'flowkit.db'
   */
  readonly filename?: string
  /** An open better-sqlite3 database to use instead (it is not closed by `close()`). */
  readonly database?: SqliteDatabase
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

/** The position columns a journaled write sets itself (`?` in this order: seq, at, rank, device), so it writes the row once. */
const MOVE = ', journey_seq = ?, journey_at = ?, journey_rank = ?, journey_device = ?'
type Move = [seq: number, at: number | null, rank: number, device: string | null]
type SavedRow = Pick<Row, 'version' | 'status' | 'updated_at' | 'expires_at'>

/** A save's compare-and-set, moving the journey position too when `move`. */
const saveSql = (table: string, move: boolean) =>
  `UPDATE ${table} SET snapshot = ?, updated_at = ?, expires_at = ?, version = version + 1${move ? MOVE : ''}
   WHERE token_hash = ? AND workflow = ? AND version = ? AND status = 'open' AND expires_at > ?
   RETURNING version, status, updated_at, expires_at`

/** A finish's compare-and-set on the claim, moving the journey position too when `move`. */
const finishSql = (table: string, move: boolean) =>
  `UPDATE ${table} SET status = 'submitted', snapshot = ?, result = ?, submission = ?, claim = NULL, lease_until = NULL,
     updated_at = ?, expires_at = ?, version = version + 1${move ? MOVE : ''}
   WHERE token_hash = ? AND status = 'submitting' AND claim = ? RETURNING *`

/** Every statement of the store, prepared once. Each write is one compare-and-set `UPDATE … WHERE … RETURNING *`. */
const statements = (db: Database.Database, table: string) => ({
  insert: db.prepare(
    `INSERT INTO ${table} (token_hash, workflow, owner, version, snapshot, status, result, submission, claim, lease_until, attempts,
       created_at, updated_at, expires_at, journey_seq, journey_at, journey_rank, journey_device)
     VALUES (@token_hash, @workflow, @owner, @version, @snapshot, @status, @result, @submission, @claim, @lease_until, @attempts,
       @created_at, @updated_at, @expires_at, @journey_seq, @journey_at, @journey_rank, @journey_device)`,
  ),
  get: db.prepare<[string], Row>(`SELECT * FROM ${table} WHERE token_hash = ?`),
  update: db.prepare<[string, number, number, string, string, number, number], SavedRow>(saveSql(table, false)),
  updateMoving: db.prepare<[string, number, number, ...Move, string, string, number, number], SavedRow>(saveSql(table, true)),
  claim: db.prepare<[string, number, string, string, number, number, number], Row>(
    `UPDATE ${table} SET status = 'submitting', claim = ?, lease_until = ?, submission = ?
     WHERE token_hash = ? AND version = ? AND attempts = ? AND status = 'open' AND expires_at > ? RETURNING *`,
  ),
  reclaim: db.prepare<[string, number, string, string, number], Row>(
    `UPDATE ${table} SET claim = ?, lease_until = ?
     WHERE token_hash = ? AND status = 'submitting' AND claim = ? AND lease_until <= ? RETURNING *`,
  ),
  finish: db.prepare<[string, string, string, number, number, string, string], Row>(finishSql(table, false)),
  finishMoving: db.prepare<[string, string, string, number, number, ...Move, string, string], Row>(finishSql(table, true)),
  release: db.prepare<[string, string], Row>(
    `UPDATE ${table} SET status = 'open', claim = NULL, lease_until = NULL, submission = NULL, attempts = attempts + 1
     WHERE token_hash = ? AND status = 'submitting' AND claim = ? RETURNING *`,
  ),
  remove: db.prepare<[string, string]>(`DELETE FROM ${table} WHERE token_hash = ? AND status IN (SELECT value FROM json_each(?))`),
  removeExpired: db.prepare<[number]>(`DELETE FROM ${table} WHERE expires_at <= ?`),
})
type Statements = ReturnType<typeof statements>

/** A record as the insert statement's named parameters, its journey at `at` (where a new instance's starts). */
const columnsOf = (r: InstanceRecord, at: JourneyPosition) => ({
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
  journey_seq: at.seq,
  journey_at: at.at,
  journey_rank: at.rank,
  journey_device: at.device,
})

const moveOf = (to: JourneyPosition): Move => [to.seq, to.at, to.rank, to.device]

/**
 * Runs a write and its journey events in one transaction: the recorder reads the journey's position (`from` when
 * given) and works out its new events and next position, `write(to)` makes the write and moves the position in the
 * same statement (the row is written once), and the events are inserted only if the write was made. Without a
 * recorder or a journey, just `write()` (the position stays).
 */
const journaling = (db: Database.Database, journeys: ReturnType<typeof sqliteRecorder> | undefined) => {
  const atomically = db.transaction((work: () => unknown) => work())
  return <R>(
    hash: string,
    journey: JourneyWrite | undefined,
    now: number,
    write: (to?: JourneyPosition) => R,
    workflowOf: (result: NonNullable<R>) => string,
    from?: JourneyPosition,
  ): R => {
    if (!journey || !journeys) return write()
    return atomically(() => {
      const { events, position } = journeys.plan(hash, journey, now, from)
      const result = write(position)
      if (result) journeys.append(hash, workflowOf(result), journey, events)
      return result
    }) as R
  }
}
type Journaled = ReturnType<typeof journaling>

/** What a path that cannot be opened as a database is reported as: which file, why, and what to do. */
const cannotOpen = (filename: string, cause: unknown): WorkflowError =>
  new WorkflowError(
    'STORAGE_FAILED',
    `sqliteStore() could not open the database file ${JSON.stringify(filename)} (${resolve(filename)}): ` +
      `${cause instanceof Error ? cause.message : String(cause)}. Check that its folder can be created and written by this ` +
      "process, or pass another `filename` (':memory:' for a database that is not kept).",
    { category: 'storage', cause, details: { filename: resolve(filename) } },
  )

/** better-sqlite3's refusals of the file itself (not of a native addon that is not built: see `unbuiltAddon`). */
const isOpenFailure = (error: unknown): boolean => {
  const code = (error as { code?: unknown } | null)?.code
  return (
    (typeof code === 'string' && code.startsWith('SQLITE_')) ||
    (error instanceof TypeError && error.message.includes('Cannot open database'))
  )
}

/** Opens a database file, creating its folder first (as better-sqlite3 does not): `data/flowkit.db` works in a fresh project. */
const openDatabase = (filename: string): Database.Database => {
  const Sqlite = requirePeer<typeof Database>('better-sqlite3', '@flowkit/server/sqlite')
  const name = filename.trim()
  // The names better-sqlite3 itself treats as no file (in memory, temporary) or as a URI.
  if (name !== '' && name !== ':memory:' && !name.startsWith('file:')) {
    try {
      mkdirSync(dirname(name), { recursive: true })
    } catch (cause) {
      throw cannotOpen(filename, cause)
    }
  }
  try {
    return new Sqlite(filename)
  } catch (cause) {
    throw isOpenFailure(cause) ? cannotOpen(filename, cause) : unbuiltAddon('better-sqlite3', '@flowkit/server/sqlite', cause)
  }
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

/** The database (opened, tuned and migrated), its table, and the background checkpointer of a file it opened. */
const openStore = (options: SqliteStoreOptions) => {
  const table = tableName(options.table)
  const filename = options.filename ?? 'flowkit.db'
  // The public type is structural (no @types/better-sqlite3 for users); what is passed is a better-sqlite3 database.
  const db = (options.database as Database.Database | undefined) ?? openDatabase(filename)
  const busyTimeout = Math.max(0, Math.floor(options.busyTimeout ?? 1000))
  db.pragma(`busy_timeout = ${busyTimeout}`)
  const checkpoints: BackgroundCheckpoints | undefined = options.database ? undefined : tune(db, filename, options, busyTimeout)
  migrate(db, table)
  migrateJourney(db, table)
  return { db, table, checkpoints }
}

/** `update`: one compare-and-set `UPDATE`, which also moves the journey position when it records the journey. */
const saving =
  (s: Statements, write: GroupCommit, journaled: Journaled): InstanceStore['update'] =>
  async (hash, u) => {
    const snapshot = jsonTextOf(u.snapshot) ?? JSON.stringify(u.snapshot)
    const { updatedAt, expiresAt, workflow, baseVersion } = u
    const save = (to?: JourneyPosition) =>
      to
        ? s.updateMoving.get(snapshot, updatedAt, expiresAt, to.seq, to.at, to.rank, to.device, hash, workflow, baseVersion, updatedAt)
        : s.update.get(snapshot, updatedAt, expiresAt, hash, workflow, baseVersion, updatedAt)
    const row = await write(() => journaled(hash, u.journey, u.updatedAt, save, () => u.workflow))
    return row ? { version: row.version, status: row.status, updatedAt: row.updated_at, expiresAt: row.expires_at } : null
  }

/** `finish`: the compare-and-set on the claim, which also moves the journey position when it records the journey. */
const finishing =
  (s: Statements, write: GroupCommit, journaled: Journaled): InstanceStore['finish'] =>
  async (hash, f) => {
    const values = [JSON.stringify(f.snapshot), JSON.stringify(f.result), JSON.stringify(f.submission), f.updatedAt, f.expiresAt] as const
    const finish = (to?: JourneyPosition) =>
      to ? s.finishMoving.get(...values, ...moveOf(to), hash, f.claim) : s.finish.get(...values, hash, f.claim)
    return toRecord(await write(() => journaled(hash, f.journey, f.updatedAt, finish, (row) => row.workflow)))
  }

/**
 * Instances in a SQLite file with better-sqlite3 (WAL mode): the embedded default, no set-up.
 * @example
 * const store = sqliteStore({ filename: 'data/flowkit.db' })
 */
export function sqliteStore(options: SqliteStoreOptions = {}): InstanceStore {
  const { db, table, checkpoints } = openStore(options)
  const s = statements(db, table)
  const insights = options.insights === false ? { record: false } : options.insights
  const journaled = journaling(db, insights?.record === false ? undefined : sqliteRecorder(db, table))
  const source = sqliteInsights(db, table, insights)
  const write = groupCommit(db)
  return {
    init: async () => {},
    insert: async (r, journey) => {
      const insert = (to = START) => s.insert.run(columnsOf(r, to))
      await write(() => journaled(r.tokenHash, journey, r.createdAt, insert, () => r.workflow, START))
    },
    get: async (hash) => toRecord(s.get.get(hash)),
    update: saving(s, write, journaled),
    claim: async (hash, c) =>
      toRecord(await write(() => s.claim.get(c.claim, c.leaseUntil, JSON.stringify(c.submission), hash, c.baseVersion, c.attempts, c.now))),
    reclaim: async (hash, c) => toRecord(await write(() => s.reclaim.get(c.claim, c.leaseUntil, hash, c.previous, c.now))),
    finish: finishing(s, write, journaled),
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
