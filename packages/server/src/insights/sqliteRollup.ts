import type Database from 'better-sqlite3'
import { type JourneySummary, STEP_SEP, type StoredEvent } from './projectJourney'
import { rollupBatch } from './rollupBatch'
import { LAG_MS, PAGE, pruneSql, pruneValues, rollupTables } from './rollupSql'
import { type SummaryRow, summaryOf } from './summaryOf'

/** The rollup tables of a SQLite store: the same as PostgreSQL's (`postgresRollup.ts`). */
export const migrateRollup = (db: Database.Database, t: string) => {
  const present = new Set((db.pragma(`table_info(${t}_journey)`) as { name: string }[]).map((c) => c.name))
  // SQLite cannot add a column whose default reads the clock: the recorder writes `logged` itself.
  if (!present.has('logged')) db.exec(`ALTER TABLE ${t}_journey ADD COLUMN logged INTEGER NOT NULL DEFAULT 0`)
  db.exec(rollupTables(t, { ms: 'INTEGER', bool: 'INTEGER', keyed: 'WITHOUT ROWID' }))
}

interface EventRow extends Omit<StoredEvent, 'fields'> {
  fields: string | null
  logged: number
}

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
      if (row) known.set(instance, summaryOf(row))
    }
    const batch = rollupBatch(
      rows.map((r) => ({ ...r, fields: r.fields === null ? null : (JSON.parse(r.fields) as string[]) })),
      known,
    )
    for (const s of batch.summaries) {
      save.run({
        ...s,
        completed: s.completed ? 1 : 0,
        resumed: s.resumed ? 1 : 0,
        path: s.path.join(STEP_SEP),
        done: s.done.join(STEP_SEP),
      })
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

/** Deletes what is older than `before` (see `pruneSql`), in one transaction; returns how many events. */
export const sqlitePruner = (db: Database.Database, t: string): ((before: number) => number) => {
  const [events, ...rest] = pruneSql(t, (i) => `@p${i}`).map((text) => db.prepare<[Record<string, number>]>(text))
  const named = (values: readonly number[]) => Object.fromEntries(values.map((v, i) => [`p${i + 1}`, v]))
  return db.transaction((before: number) => {
    const values = pruneValues(before)
    const n = (events as Database.Statement<[Record<string, number>]>).run(named(values[0] as number[])).changes
    for (const [i, statement] of rest.entries()) statement.run(named(values[i + 1] as number[]))
    return n
  })
}
