import type pg from 'pg'
import { inTransaction } from './inTransaction'
import { type JourneySummary, STEP_SEP, type StoredEvent } from './projectJourney'
import { type RollupRow, rollupBatch } from './rollupBatch'
import { LAG_MS, PAGE, pruneSql, pruneValues, rollupTables } from './rollupSql'
import { type SummaryRow, summaryOf } from './summaryOf'

/**
 * The rollup tables of a PostgreSQL store (part of its schema transaction, see `rollupTables`); `logged` is the
 * database's clock when an event was written.
 */
export const rollupSchema = (t: string) => `
  ALTER TABLE ${t}_journey ADD COLUMN IF NOT EXISTS logged BIGINT NOT NULL
    DEFAULT (floor(extract(epoch FROM clock_timestamp()) * 1000))::bigint;${rollupTables(t, { ms: 'BIGINT', bool: 'BOOLEAN', keyed: '' })}`

interface EventRow extends Omit<StoredEvent, 'at'> {
  at: string
  logged: string
}

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
      ...[col((s) => s.lastAt), col((s) => s.completed), col((s) => s.resumed), col((s) => s.path.join(STEP_SEP))],
      ...[col((s) => s.done.join(STEP_SEP)), col((s) => s.openStep), col((s) => s.openAt)],
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
const page = (pool: pg.Pool, t: string): Promise<number> =>
  inTransaction(pool, async (client) => {
    const mark = (await client.query(`SELECT logged, instance, seq FROM ${t}_rollup_mark WHERE id = 1 FOR UPDATE`)).rows[0]
    const { rows: events } = await client.query<EventRow>(
      `SELECT instance, workflow, version, seq, type, step, at, fields, logged FROM ${t}_journey
       WHERE (logged, instance, seq) > ($1, $2, $3) ORDER BY logged, instance, seq LIMIT ${PAGE}`,
      [mark.logged, mark.instance, mark.seq],
    )
    const last = events.at(-1)
    if (!last) return 0
    const instances = [...new Set(events.map((e) => e.instance))]
    const known = await client.query<SummaryRow>(`SELECT * FROM ${t}_journeys WHERE instance = ANY($1)`, [instances])
    const batch = rollupBatch(
      events.map((e) => ({ ...e, at: Number(e.at) })),
      new Map(known.rows.map((row) => [row.instance, summaryOf(row)])),
    )
    await write(client, t, batch.summaries, batch.rows)
    await client.query(`UPDATE ${t}_rollup_mark SET logged = $1, instance = $2, seq = $3 WHERE id = 1`, [
      last.logged,
      last.instance,
      last.seq,
    ])
    return events.length
  })

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

/** Deletes what is older than `before` (see `pruneSql`), in one transaction; returns how many events. */
export const prunePostgres = (pool: pg.Pool, t: string, before: number): Promise<number> =>
  inTransaction(pool, async (client) => {
    const values = pruneValues(before)
    const [events, ...rest] = pruneSql(t, (i) => `$${i}`)
    const n = (await client.query(events as string, values[0] as number[])).rowCount ?? 0
    for (const [i, text] of rest.entries()) await client.query(text, values[i + 1] as number[])
    return n
  })
