import type pg from 'pg'
import { DAY, HOUR, type JourneySummary, type StoredEvent, slotOf } from './projectJourney'
import { type RollupRow, rollupBatch } from './rollupBatch'
import { LAG_MS, PAGE } from './rollupSql'

/**
 * The rollup tables of a PostgreSQL store (part of its schema transaction): one summary row per journey, the
 * counters by hour and by day of the journeys' start, and how far the journey table has been read (by `logged`, the
 * database's clock when an event was written, then instance and seq).
 */
export const rollupSchema = (t: string) => `
  ALTER TABLE ${t}_journey ADD COLUMN IF NOT EXISTS logged BIGINT NOT NULL
    DEFAULT (floor(extract(epoch FROM clock_timestamp()) * 1000))::bigint;
  DROP INDEX IF EXISTS ${t}_journey_starts;
  DROP INDEX IF EXISTS ${t}_journey_starts_all;
  CREATE INDEX IF NOT EXISTS ${t}_journey_logged ON ${t}_journey (logged, instance, seq);
  CREATE TABLE IF NOT EXISTS ${t}_journeys (
    instance TEXT PRIMARY KEY, workflow TEXT NOT NULL, version TEXT NOT NULL, started BIGINT NOT NULL,
    seq INTEGER NOT NULL, last_at BIGINT NOT NULL, completed BOOLEAN NOT NULL, resumed BOOLEAN NOT NULL,
    path TEXT NOT NULL, done TEXT NOT NULL, open_step TEXT, open_at BIGINT
  );
  CREATE INDEX IF NOT EXISTS ${t}_journeys_unfinished ON ${t}_journeys (workflow, last_at) WHERE NOT completed;
  CREATE INDEX IF NOT EXISTS ${t}_journeys_started ON ${t}_journeys (started);
  CREATE TABLE IF NOT EXISTS ${t}_rollup (
    workflow TEXT NOT NULL, grain CHAR(1) NOT NULL, slot BIGINT NOT NULL, version TEXT NOT NULL,
    kind TEXT NOT NULL, step TEXT NOT NULL, other TEXT NOT NULL, n BIGINT NOT NULL,
    PRIMARY KEY (workflow, grain, slot, version, kind, step, other)
  );
  CREATE TABLE IF NOT EXISTS ${t}_rollup_mark (
    id INTEGER PRIMARY KEY CHECK (id = 1), logged BIGINT NOT NULL, instance TEXT NOT NULL, seq INTEGER NOT NULL
  );
  INSERT INTO ${t}_rollup_mark VALUES (1, -1, '', 0) ON CONFLICT (id) DO NOTHING;`

interface EventRow extends Omit<StoredEvent, 'at'> {
  at: string
  logged: string
}

interface SummaryRow extends Omit<JourneySummary, 'path' | 'done' | 'started' | 'lastAt' | 'openAt' | 'openStep'> {
  started: string
  last_at: string
  path: string
  done: string
  open_step: string | null
  open_at: string | null
}

const SEP = '\u001f'
const list = (text: string) => (text === '' ? [] : text.split(SEP))
const toSummary = (r: SummaryRow): JourneySummary => ({
  ...{ instance: r.instance, workflow: r.workflow, version: r.version, started: Number(r.started), seq: r.seq },
  ...{ lastAt: Number(r.last_at), completed: r.completed, resumed: r.resumed, path: list(r.path), done: list(r.done) },
  ...{ openStep: r.open_step, openAt: r.open_at === null ? null : Number(r.open_at) },
})

/** Writes the summaries and adds the counters of one page, in its transaction. */
const write = async (client: pg.PoolClient, t: string, summaries: readonly JourneySummary[], rows: readonly RollupRow[]) => {
  const col = <T>(f: (s: JourneySummary) => T) => summaries.map(f)
  await client.query(
    `INSERT INTO ${t}_journeys SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::bigint[], $5::int[], $6::bigint[],
       $7::bool[], $8::bool[], $9::text[], $10::text[], $11::text[], $12::bigint[])
     ON CONFLICT (instance) DO UPDATE SET seq = excluded.seq, last_at = excluded.last_at, completed = excluded.completed,
       resumed = excluded.resumed, path = excluded.path, done = excluded.done, open_step = excluded.open_step, open_at = excluded.open_at`,
    [
      ...[col((s) => s.instance), col((s) => s.workflow), col((s) => s.version), col((s) => s.started), col((s) => s.seq)],
      ...[col((s) => s.lastAt), col((s) => s.completed), col((s) => s.resumed), col((s) => s.path.join(SEP))],
      ...[col((s) => s.done.join(SEP)), col((s) => s.openStep), col((s) => s.openAt)],
    ],
  )
  const r = <K extends keyof RollupRow>(k: K) => rows.map((row) => row[k])
  await client.query(
    `INSERT INTO ${t}_rollup SELECT * FROM unnest($1::text[], $2::text[], $3::bigint[], $4::text[], $5::text[], $6::text[], $7::text[], $8::bigint[])
     ON CONFLICT (workflow, grain, slot, version, kind, step, other) DO UPDATE SET n = ${t}_rollup.n + excluded.n`,
    [r('workflow'), r('grain'), r('slot'), r('version'), r('kind'), r('step'), r('other'), r('n')],
  )
}

/** Folds one page of events after the mark into the rollups and moves the mark, in one transaction; returns how many. */
const page = async (pool: pg.Pool, t: string): Promise<number> => {
  const client = await pool.connect()
  try {
    await client.query('BEGIN')
    const mark = (await client.query(`SELECT logged, instance, seq FROM ${t}_rollup_mark WHERE id = 1 FOR UPDATE`)).rows[0]
    const { rows: events } = await client.query<EventRow>(
      `SELECT instance, workflow, version, seq, type, step, at, fields, logged FROM ${t}_journey
       WHERE (logged, instance, seq) > ($1, $2, $3) ORDER BY logged, instance, seq LIMIT ${PAGE}`,
      [mark.logged, mark.instance, mark.seq],
    )
    const last = events.at(-1)
    if (last) {
      const instances = [...new Set(events.map((e) => e.instance))]
      const known = await client.query<SummaryRow>(`SELECT * FROM ${t}_journeys WHERE instance = ANY($1)`, [instances])
      const batch = rollupBatch(
        events.map((e) => ({ ...e, at: Number(e.at) })),
        new Map(known.rows.map((row) => [row.instance, toSummary(row)])),
      )
      await write(client, t, batch.summaries, batch.rows)
      await client.query(`UPDATE ${t}_rollup_mark SET logged = $1, instance = $2, seq = $3 WHERE id = 1`, [
        last.logged,
        last.instance,
        last.seq,
      ])
    }
    await client.query('COMMIT')
    return events.length
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {})
    throw error
  } finally {
    client.release()
  }
}

/**
 * Brings the rollups up to date with the journey table: pages of new events folded in until none is left, then the
 * mark goes back `LAG_MS` (a write whose transaction was still open is read next time; events read twice count
 * once). Refreshes by several processes take turns on the mark's row.
 */
export const refreshPostgres = async (pool: pg.Pool, t: string): Promise<number> => {
  const started = Number((await pool.query('SELECT (floor(extract(epoch FROM clock_timestamp()) * 1000))::bigint AS now')).rows[0].now)
  let total = 0
  for (let n = await page(pool, t); n > 0; n = await page(pool, t)) total += n
  await pool.query(`UPDATE ${t}_rollup_mark SET logged = $1, instance = '', seq = 0 WHERE id = 1 AND logged > $1`, [started - LAG_MS])
  return total
}

/**
 * Deletes what is older than `before`: its events, and the journeys that started in an hour before it with their
 * counters (the day it falls in is summed again from the hours kept).
 */
export const prunePostgres = async (pool: pg.Pool, t: string, before: number) => {
  const [hour, day] = [slotOf(before, HOUR), slotOf(before, DAY)]
  const client = await pool.connect()
  try {
    await client.query('BEGIN')
    const events = (await client.query(`DELETE FROM ${t}_journey WHERE at < $1`, [before])).rowCount ?? 0
    await client.query(`DELETE FROM ${t}_journeys WHERE started < $1`, [hour])
    await client.query(`DELETE FROM ${t}_rollup WHERE (grain = 'h' AND slot < $1) OR (grain = 'd' AND slot <= $2)`, [hour, day])
    await client.query(
      `INSERT INTO ${t}_rollup SELECT workflow, 'd', $1, version, kind, step, other, sum(n) FROM ${t}_rollup
       WHERE grain = 'h' AND slot >= $1 AND slot < $2 GROUP BY workflow, version, kind, step, other`,
      [day, day + DAY],
    )
    await client.query('COMMIT')
    return events
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {})
    throw error
  } finally {
    client.release()
  }
}
