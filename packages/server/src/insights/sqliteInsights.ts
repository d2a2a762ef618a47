import type Database from 'better-sqlite3'
import { advance, type JourneyEvent } from './advance'
import { rollupNamed, rollupQuery } from './rollupSql'
import { migrateRollup, sqlitePruner, sqliteRefresher } from './sqliteRollup'
import type { InsightsRow, InsightsSource, InsightsStoreOptions, JourneyPosition, JourneyWrite } from './types'

/** Journey events are kept this long unless `insights.retain` says otherwise: 90 days. */
export const DEFAULT_RETAIN = 90 * 24 * 60 * 60 * 1000

/**
 * The journey table (its events by the primary key `(instance, seq)`, and by `logged`, when they were written, for
 * the rollups), the position columns on the instance table (added to an older table) and the rollups.
 */
export const migrateJourney = (db: Database.Database, table: string) => {
  db.exec(`CREATE TABLE IF NOT EXISTS ${table}_journey (
    instance TEXT NOT NULL,
    workflow TEXT NOT NULL,
    version TEXT,
    seq INTEGER NOT NULL,
    type TEXT NOT NULL,
    step TEXT NOT NULL,
    at INTEGER NOT NULL,
    reason TEXT,
    fields TEXT,
    logged INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (instance, seq)
  );`)
  const present = new Set((db.pragma(`table_info(${table})`) as { name: string }[]).map((c) => c.name))
  const columns = {
    journey_seq: 'INTEGER NOT NULL DEFAULT 0',
    journey_at: 'INTEGER',
    journey_rank: 'INTEGER NOT NULL DEFAULT 0',
    journey_device: 'TEXT',
  }
  for (const [name, type] of Object.entries(columns)) if (!present.has(name)) db.exec(`ALTER TABLE ${table} ADD COLUMN ${name} ${type}`)
  migrateRollup(db, table)
}

/** A position's columns, in order (the statement is raw). */
type PositionRow = [seq: number, at: number | null, rank: number, device: string | null]

/**
 * Records journeys next to the writes of a SQLite store, inside the write's transaction: `plan` reads the instance's
 * position and works out the new events and where the journey then stands (the write sets those position columns
 * itself, so the row is written once), and `append`, after the write was made, inserts the events.
 */
export const sqliteRecorder = (db: Database.Database, table: string) => {
  // Raw (an array, not an object per row): it runs on every journaled save.
  const position = db
    .prepare<[string], PositionRow>(`SELECT journey_seq, journey_at, journey_rank, journey_device FROM ${table} WHERE token_hash = ?`)
    .raw(true)
  const insert = db.prepare<[string, string, string | null, number, string, string, number, string | null, string | null, number]>(
    `INSERT INTO ${table}_journey (instance, workflow, version, seq, type, step, at, reason, fields, logged)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  )
  const read = (hash: string): JourneyPosition => {
    const row = position.get(hash) as unknown as PositionRow | undefined
    return row ? { seq: row[0], at: row[1], rank: row[2], device: row[3] } : { seq: 0, at: null, rank: 0, device: null }
  }
  /** What `journey` adds after `from` (the instance's position, or `read(hash)` by default), and the position after. */
  const plan = (hash: string, journey: JourneyWrite, now: number, from: JourneyPosition = read(hash)) => advance(from, journey, now)
  /** Inserts the events `plan` gave (once the write they go with was made). */
  const append = (hash: string, workflow: string, journey: JourneyWrite, events: readonly JourneyEvent[]) => {
    // When it was written, by this machine's clock (not the handler's `now`, which a test may fix): what the rollups read by.
    const logged = Date.now()
    // One prepared insert per event, inside the write's transaction: in SQLite that is cheaper than one statement
    // unpacking a JSON array.
    for (const [seq, type, step, at, reason, fields] of events) {
      insert.run(hash, workflow, journey.version, seq, type, step, at, reason, fields && JSON.stringify(fields), logged)
    }
  }
  return { read, plan, append }
}

/** The insights side of a SQLite store. */
export const sqliteInsights = (db: Database.Database, table: string, options: InsightsStoreOptions = {}): InsightsSource => {
  const param = (name: string) => `@${name}`
  const byVersion = db.prepare<Record<string, unknown>, InsightsRow>(rollupQuery(table, true, 'BINARY', param))
  const all = db.prepare<Record<string, unknown>, InsightsRow>(rollupQuery(table, false, 'BINARY', param))
  const refresh = sqliteRefresher(db, table)
  const prune = sqlitePruner(db, table)
  return {
    retain: options.retain ?? DEFAULT_RETAIN,
    refresh,
    aggregate: async (q) => {
      await refresh()
      return (q.version === null ? all : byVersion).all(rollupNamed(q))
    },
    prune: async (before) => prune(before),
  }
}
