import type Database from 'better-sqlite3'
import { DAY, HOUR, type JourneySummary, type StoredEvent, slotOf } from './projectJourney'
import { rollupBatch } from './rollupBatch'
import { LAG_MS, PAGE } from './rollupSql'

/** The rollup tables of a SQLite store: the same as PostgreSQL's (`postgresRollup.ts`). */
export const migrateRollup = (db: Database.Database, t: string) => {
  const present = new Set((db.pragma(`table_info(${t}_journey)`) as { name: string }[]).map((c) => c.name))
  // SQLite cannot add a column whose default reads the clock: the recorder writes `logged` itself.
  if (!present.has('logged')) db.exec(`ALTER TABLE ${t}_journey ADD COLUMN logged INTEGER NOT NULL DEFAULT 0`)
  db.exec(`DROP INDEX IF EXISTS ${t}_journey_starts;
  DROP INDEX IF EXISTS ${t}_journey_starts_all;
  CREATE INDEX IF NOT EXISTS ${t}_journey_logged ON ${t}_journey (logged, instance, seq);
  CREATE TABLE IF NOT EXISTS ${t}_journeys (
    instance TEXT PRIMARY KEY, workflow TEXT NOT NULL, version TEXT NOT NULL, started INTEGER NOT NULL,
    seq INTEGER NOT NULL, last_at INTEGER NOT NULL, completed INTEGER NOT NULL, resumed INTEGER NOT NULL,
    path TEXT NOT NULL, done TEXT NOT NULL, open_step TEXT, open_at INTEGER
  );
  CREATE INDEX IF NOT EXISTS ${t}_journeys_unfinished ON ${t}_journeys (workflow, last_at) WHERE NOT completed;
  CREATE INDEX IF NOT EXISTS ${t}_journeys_started ON ${t}_journeys (started);
  CREATE TABLE IF NOT EXISTS ${t}_rollup (
    workflow TEXT NOT NULL, grain TEXT NOT NULL, slot INTEGER NOT NULL, version TEXT NOT NULL,
    kind TEXT NOT NULL, step TEXT NOT NULL, other TEXT NOT NULL, n INTEGER NOT NULL,
    PRIMARY KEY (workflow, grain, slot, version, kind, step, other)
  ) WITHOUT ROWID;
  CREATE TABLE IF NOT EXISTS ${t}_rollup_mark (
    id INTEGER PRIMARY KEY CHECK (id = 1), logged INTEGER NOT NULL, instance TEXT NOT NULL, seq INTEGER NOT NULL
  );
  INSERT OR IGNORE INTO ${t}_rollup_mark VALUES (1, -1, '', 0);`)
}

interface EventRow extends Omit<StoredEvent, 'fields'> {
  fields: string | null
  logged: number
}

interface SummaryRow extends Omit<JourneySummary, 'path' | 'done' | 'lastAt' | 'openAt' | 'openStep' | 'completed' | 'resumed'> {
  last_at: number
  completed: number
  resumed: number
  path: string
  done: string
  open_step: string | null
  open_at: number | null
}

const SEP = '\u001f'
const list = (text: string) => (text === '' ? [] : text.split(SEP))
const toSummary = (r: SummaryRow): JourneySummary => ({
  ...{ instance: r.instance, workflow: r.workflow, version: r.version, started: r.started, seq: r.seq, lastAt: r.last_at },
  ...{ completed: r.completed === 1, resumed: r.resumed === 1, path: list(r.path), done: list(r.done) },
  ...{ openStep: r.open_step, openAt: r.open_at },
})

/** The refresh of a SQLite store's rollups: pages of new events, each folded in its own transaction. */
export const sqliteRefresher = (db: Database.Database, t: string): (() => Promise<number>) => {
  const mark = db.prepare<[], { logged: number; instance: string; seq: number }>(`SELECT logged, instance, seq FROM ${t}_rollup_mark`)
  const events = db.prepare<[number, string, number], EventRow>(
    `SELECT instance, workflow, version, seq, type, step, at, fields, logged FROM ${t}_journey
     WHERE (logged, instance, seq) > (?, ?, ?) ORDER BY logged, instance, seq LIMIT ${PAGE}`,
  )
  const summary = db.prepare<[string], SummaryRow>(`SELECT * FROM ${t}_journeys WHERE instance = ?`)
  const save = db.prepare(`INSERT INTO ${t}_journeys VALUES (@instance, @workflow, @version, @started, @seq, @lastAt, @completed,
      @resumed, @path, @done, @openStep, @openAt)
    ON CONFLICT (instance) DO UPDATE SET seq = excluded.seq, last_at = excluded.last_at, completed = excluded.completed,
      resumed = excluded.resumed, path = excluded.path, done = excluded.done, open_step = excluded.open_step, open_at = excluded.open_at`)
  const count = db.prepare(`INSERT INTO ${t}_rollup VALUES (@workflow, @grain, @slot, @version, @kind, @step, @other, @n)
    ON CONFLICT (workflow, grain, slot, version, kind, step, other) DO UPDATE SET n = n + excluded.n`)
  const move = db.prepare<[number, string, number]>(`UPDATE ${t}_rollup_mark SET logged = ?, instance = ?, seq = ?`)
  const rewind = db.prepare<[number, number]>(`UPDATE ${t}_rollup_mark SET logged = ?, instance = '', seq = 0 WHERE logged > ?`)
  const page = db.transaction((): number => {
    const at = mark.get() as { logged: number; instance: string; seq: number }
    const rows = events.all(at.logged, at.instance, at.seq)
    const last = rows.at(-1)
    if (!last) return 0
    const known = new Map<string, JourneySummary>()
    for (const instance of new Set(rows.map((r) => r.instance))) {
      const row = summary.get(instance)
      if (row) known.set(instance, toSummary(row))
    }
    const batch = rollupBatch(
      rows.map((r) => ({ ...r, fields: r.fields === null ? null : (JSON.parse(r.fields) as string[]) })),
      known,
    )
    for (const s of batch.summaries) {
      save.run({ ...s, completed: s.completed ? 1 : 0, resumed: s.resumed ? 1 : 0, path: s.path.join(SEP), done: s.done.join(SEP) })
    }
    for (const row of batch.rows) count.run(row)
    move.run(last.logged, last.instance, last.seq)
    return rows.length
  })
  /** Folds pages until none is left (yielding between pages so requests are served), then steps the mark back. */
  return async (): Promise<number> => {
    const started = Date.now()
    let total = 0
    for (let n = page.immediate(); n > 0; n = page.immediate()) {
      total += n
      await new Promise((resolve) => setImmediate(resolve))
    }
    rewind.run(started - LAG_MS, started - LAG_MS)
    return total
  }
}

/**
 * Deletes what is older than `before`: its events, and the journeys that started in an hour before it with their
 * counters (the day it falls in is summed again from the hours kept).
 */
export const sqlitePruner = (db: Database.Database, t: string): ((before: number) => number) => {
  const events = db.prepare<[number]>(`DELETE FROM ${t}_journey WHERE at < ?`)
  const journeys = db.prepare<[number]>(`DELETE FROM ${t}_journeys WHERE started < ?`)
  const counters = db.prepare<[number, number]>(`DELETE FROM ${t}_rollup WHERE (grain = 'h' AND slot < ?) OR (grain = 'd' AND slot <= ?)`)
  const day = db.prepare<[number, number, number]>(
    `INSERT INTO ${t}_rollup SELECT workflow, 'd', ?, version, kind, step, other, sum(n) FROM ${t}_rollup
     WHERE grain = 'h' AND slot >= ? AND slot < ? GROUP BY workflow, version, kind, step, other`,
  )
  return db.transaction((before: number) => {
    const [h, d] = [slotOf(before, HOUR), slotOf(before, DAY)]
    const n = events.run(before).changes
    journeys.run(h)
    counters.run(h, d)
    day.run(d, d, d + DAY)
    return n
  })
}
