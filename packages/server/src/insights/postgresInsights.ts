import { WorkflowError } from '@flowkit/core'
import type pg from 'pg'
import { inTransaction } from './inTransaction'
import { prunePostgres, refreshPostgres, rollupSchema } from './postgresRollup'
import { ROLLUP_PARAMS, rollupQuery, rollupValues } from './rollupSql'
import { DEFAULT_RETAIN } from './sqliteInsights'
import type { InsightsRow, InsightsSource, InsightsStoreOptions, JourneyWrite, ResolvedQuery } from './types'

/**
 * The journey table, the position columns on the instance table and the rollups (part of the store's schema
 * transaction).
 */
export const journeySchema = (t: string) => `
  CREATE TABLE IF NOT EXISTS ${t}_journey (
    instance TEXT NOT NULL,
    workflow TEXT NOT NULL,
    version TEXT,
    seq INTEGER NOT NULL,
    type TEXT NOT NULL,
    step TEXT NOT NULL,
    at BIGINT NOT NULL,
    reason TEXT,
    fields JSONB,
    PRIMARY KEY (instance, seq)
  );
  ALTER TABLE ${t} ADD COLUMN IF NOT EXISTS journey_seq INTEGER NOT NULL DEFAULT 0,
    ADD COLUMN IF NOT EXISTS journey_at BIGINT, ADD COLUMN IF NOT EXISTS journey_rank INTEGER NOT NULL DEFAULT 0,
    ADD COLUMN IF NOT EXISTS journey_device TEXT;${rollupSchema(t)}`

/** The values of the journey parameters of a write, in order: rows, device, version, step, last at, last rank. */
export const journeyValues = (journey: JourneyWrite | undefined, record: boolean): unknown[] => {
  if (!journey || !record) return [null, null, null, null, null, null]
  const last = journey.rows.at(-1)
  return [JSON.stringify(journey.rows), journey.device, journey.version, journey.step, last?.[2] ?? null, last?.[5] ?? null]
}

/** The columns of a journey event from a `JourneyRow` (`[type, step, at, reason, fields, rank]`) in `value`. */
const EVENT = `value->>0, value->>1, (value->>2)::bigint, value->>3, NULLIF(value->4, 'null'::jsonb)`

/**
 * An `UPDATE … RETURNING` (a save or a finish) that also records its journey, in one statement: the instance row is
 * locked, the log entries after its journey position (by `at`, then rank among equal times) are inserted, a change
 * of device first records `resumed`, and the position moves on. Nothing is recorded when the update matches no row.
 * The same rule as `advance()` (SQLite). `$j…$j+5` are `journeyValues`.
 */
export const journaledUpdate = (t: string, w: { set: string; where: string; returning: string; hash: string; now: string; j: number }) => {
  const [rows, device, version, step, lastAt, lastRank] = [0, 1, 2, 3, 4, 5].map((i) => `$${w.j + i}`)
  return `WITH old AS (
    SELECT journey_seq AS seq, journey_at AS at, journey_rank AS rank, journey_device AS device FROM ${t} WHERE token_hash = ${w.hash} FOR UPDATE
  ),
  fresh AS (
    SELECT e.value, row_number() OVER (ORDER BY e.ord) AS n
    FROM old, jsonb_array_elements(COALESCE(${rows}::jsonb, '[]'::jsonb)) WITH ORDINALITY AS e(value, ord)
    WHERE old.at IS NULL OR (e.value->>2)::bigint > old.at OR ((e.value->>2)::bigint = old.at AND (e.value->>5)::int > old.rank)
  ),
  moved AS (
    SELECT old.*,
      CASE WHEN ${device}::text IS NOT NULL AND old.device IS NOT NULL AND old.device <> ${device}::text THEN 1 ELSE 0 END AS k,
      (${lastAt}::bigint IS NOT NULL AND (old.at IS NULL OR ${lastAt}::bigint > old.at OR (${lastAt}::bigint = old.at AND ${lastRank}::int > old.rank))) AS ahead
    FROM old
  ),
  saved AS (
    UPDATE ${t} SET ${w.set},
      journey_seq = moved.seq + moved.k + (SELECT count(*) FROM fresh),
      journey_at = CASE WHEN moved.ahead THEN ${lastAt}::bigint ELSE moved.at END,
      journey_rank = CASE WHEN moved.ahead THEN ${lastRank}::int ELSE moved.rank END,
      journey_device = COALESCE(${device}::text, moved.device)
    FROM moved WHERE ${w.where}
    RETURNING ${w.returning}, ${t}.workflow AS journey_workflow, moved.seq AS journey_seq0, moved.k AS journey_k
  ),
  journal AS (
    INSERT INTO ${t}_journey (instance, workflow, version, seq, type, step, at, reason, fields)
    SELECT ${w.hash}, journey_workflow, ${version}::text, journey_seq0 + 1, 'resumed',
      COALESCE((SELECT value->>1 FROM fresh WHERE n = 1), ${step}::text), ${w.now}, NULL, NULL
    FROM saved WHERE journey_k = 1
    UNION ALL
    SELECT ${w.hash}, journey_workflow, ${version}::text, journey_seq0 + journey_k + fresh.n, ${EVENT} FROM saved, fresh
  )
  SELECT * FROM saved`
}

/** `journeyValues` for `journaledInsert`, which has no use for the step. */
export const journeyInsertValues = (journey: JourneyWrite | undefined, record: boolean): unknown[] =>
  journeyValues(journey, record).filter((_, i) => i !== 3)

/** An `INSERT` of a new instance with its first journey events, in one statement. `$j…$j+4` are `journeyInsertValues`. */
export const journaledInsert = (t: string, columns: string, values: string, j: number) => {
  const [rows, device, version, lastAt, lastRank] = [0, 1, 2, 3, 4].map((i) => `$${j + i}`)
  return `WITH created AS (
    INSERT INTO ${t} (${columns}, journey_seq, journey_at, journey_rank, journey_device)
    VALUES (${values}, jsonb_array_length(COALESCE(${rows}::jsonb, '[]'::jsonb)), ${lastAt}::bigint, COALESCE(${lastRank}::int, 0), ${device}::text)
    RETURNING token_hash, workflow
  )
  INSERT INTO ${t}_journey (instance, workflow, version, seq, type, step, at, reason, fields)
  SELECT created.token_hash, created.workflow, ${version}::text, e.ord, ${EVENT.replaceAll('value', 'e.value')}
  FROM created, jsonb_array_elements(COALESCE(${rows}::jsonb, '[]'::jsonb)) WITH ORDINALITY AS e(value, ord)`
}

/** The insights side of a PostgreSQL store; `ready` is the store's schema. */
export const postgresInsights = (
  pool: pg.Pool,
  table: string,
  ready: () => Promise<void>,
  options: InsightsStoreOptions = {},
): InsightsSource => {
  const param = (name: (typeof ROLLUP_PARAMS)[number]) => `$${ROLLUP_PARAMS.indexOf(name) + 1}`
  const [all, byVersion] = [rollupQuery(table, false, '"C"', param), rollupQuery(table, true, '"C"', param)]
  const refresh = async () => {
    await ready()
    return refreshPostgres(pool, table)
  }
  const workMem = options.workMem ?? '64MB'
  if (!/^\d{1,6}(kB|MB|GB)$/.test(workMem)) {
    throw new WorkflowError(
      'INVALID_OPTION',
      `insights.workMem must be a PostgreSQL size like '64MB'; got ${JSON.stringify(workMem).slice(0, 40)}.`,
      {
        category: 'usage',
      },
    )
  }
  return {
    retain: options.retain ?? DEFAULT_RETAIN,
    refresh,
    aggregate: async (q: ResolvedQuery) => {
      await refresh()
      const values = rollupValues(q)
      const text = q.version === null ? all : byVersion
      const name = `flowkit_insights${q.version === null ? '' : '_v'}_${table}`
      // Its sorts in memory (`work_mem`), for this query only.
      return inTransaction(
        pool,
        async (client) => (await client.query<InsightsRow>({ name, text, values: q.version === null ? values.slice(0, -1) : values })).rows,
        `BEGIN READ ONLY; SET LOCAL work_mem = '${workMem}'`,
      )
    },
    prune: async (before) => {
      await ready()
      return prunePostgres(pool, table, before)
    },
  }
}
