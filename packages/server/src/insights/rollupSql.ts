import { DAY, HOUR, slotOf } from './projectJourney'
import { slotRanges } from './rollupBatch'
import type { ResolvedQuery } from './types'

/**
 * Events folded per transaction when the rollups catch up: large, so that a backlog of many journeys (counted by
 * the hour each started) adds to one counter row many times per write rather than once.
 */
export const PAGE = 100_000
/**
 * How far back each refresh reads again (ms): a write whose transaction was still open when a refresh read past its
 * time is folded in by the next one. Writes are single statements, well under this.
 */
export const LAG_MS = 5_000

/** The parameters of the rollup query, by name (SQLite binds them so; PostgreSQL by position in this order). */
export const ROLLUP_PARAMS = [
  'workflow',
  'h1lo',
  'h1hi',
  'dlo',
  'dhi',
  'h2lo',
  'h2hi',
  'lo',
  'hi',
  'cutoff',
  'topFields',
  'topPaths',
  'version',
] as const

/**
 * The one insights query, over the rollups: each counter summed over the slots of the range (whole days where it
 * can, hours at the ends), the top fields per step and the top paths ranked in the database, and the unfinished
 * journeys touched since `cutoff` (not abandoned yet) by the step they are on. `collate` is the binary collation
 * (`"C"` in PostgreSQL, `BINARY` in SQLite) and `param(name)` a placeholder.
 */
export const rollupQuery = (t: string, byVersion: boolean, collate: string, param: (name: (typeof ROLLUP_PARAMS)[number]) => string) => {
  const version = byVersion ? `AND version = ${param('version')}` : ''
  return `WITH r AS (
  SELECT kind, step, other, sum(n) AS n FROM ${t}_rollup
  WHERE workflow = ${param('workflow')} ${version} AND (
    (grain = 'h' AND ((slot >= ${param('h1lo')} AND slot < ${param('h1hi')}) OR (slot >= ${param('h2lo')} AND slot < ${param('h2hi')})))
    OR (grain = 'd' AND slot >= ${param('dlo')} AND slot < ${param('dhi')}))
  GROUP BY kind, step, other HAVING sum(n) <> 0
),
ranked AS (
  SELECT kind, step, other, n, row_number() OVER (PARTITION BY kind, step ORDER BY n DESC, other COLLATE ${collate}) AS rn
  FROM r WHERE kind IN ('field', 'path')
)
SELECT kind, step, other, n FROM r WHERE kind NOT IN ('field', 'path')
UNION ALL SELECT kind, step, other, n FROM ranked
  WHERE (kind = 'field' AND rn <= ${param('topFields')}) OR (kind = 'path' AND rn <= ${param('topPaths')})
UNION ALL SELECT 'recent', open_step, NULL, count(*) FROM ${t}_journeys
  WHERE workflow = ${param('workflow')} ${version} AND NOT completed AND last_at >= ${param('cutoff')}
    AND started >= ${param('lo')} AND started < ${param('hi')}
  GROUP BY open_step`
}

/** The values of `ROLLUP_PARAMS` for a query, in order (`version` last). */
export const rollupValues = (q: ResolvedQuery): unknown[] => {
  const r = slotRanges(q.from, q.to)
  return [q.workflow, ...r.h1, ...r.d, ...r.h2, r.lo, r.hi, q.now - q.abandonAfter, q.topFields, q.topPaths, q.version]
}

/** The same values by name, as SQLite binds them (`version` only when asked for). */
export const rollupNamed = (q: ResolvedQuery): Record<string, unknown> => {
  const values = rollupValues(q)
  const named = Object.fromEntries(ROLLUP_PARAMS.map((name, i) => [name, values[i]]))
  if (q.version === null) delete named.version
  return named
}

/** The column types that differ between the two databases. */
export interface RollupTypes {
  /** A time in ms: `BIGINT` (PostgreSQL), `INTEGER` (SQLite). */
  readonly ms: string
  /** `BOOLEAN`, or `INTEGER` (0/1) in SQLite. */
  readonly bool: string
  /** After the counters' table: `WITHOUT ROWID` in SQLite. */
  readonly keyed: string
}

/**
 * The rollup tables, the same in both databases but for `types`: one summary row per journey, the counters by hour
 * and by day of the journeys' start, and how far the journey table has been read (by `logged`, when an event was
 * written, then instance and seq).
 */
export const rollupTables = (t: string, types: RollupTypes) => `
  DROP INDEX IF EXISTS ${t}_journey_starts;
  DROP INDEX IF EXISTS ${t}_journey_starts_all;
  CREATE INDEX IF NOT EXISTS ${t}_journey_logged ON ${t}_journey (logged, instance, seq);
  CREATE TABLE IF NOT EXISTS ${t}_journeys (
    instance TEXT PRIMARY KEY, workflow TEXT NOT NULL, version TEXT NOT NULL, started ${types.ms} NOT NULL,
    seq INTEGER NOT NULL, last_at ${types.ms} NOT NULL, completed ${types.bool} NOT NULL, resumed ${types.bool} NOT NULL,
    path TEXT NOT NULL, done TEXT NOT NULL, open_step TEXT, open_at ${types.ms}
  );
  CREATE INDEX IF NOT EXISTS ${t}_journeys_unfinished ON ${t}_journeys (workflow, last_at) WHERE NOT completed;
  CREATE INDEX IF NOT EXISTS ${t}_journeys_started ON ${t}_journeys (started);
  CREATE TABLE IF NOT EXISTS ${t}_rollup (
    workflow TEXT NOT NULL, grain TEXT NOT NULL, slot ${types.ms} NOT NULL, version TEXT NOT NULL,
    kind TEXT NOT NULL, step TEXT NOT NULL, other TEXT NOT NULL, n ${types.ms} NOT NULL,
    PRIMARY KEY (workflow, grain, slot, version, kind, step, other)
  ) ${types.keyed};
  CREATE TABLE IF NOT EXISTS ${t}_rollup_mark (
    id INTEGER PRIMARY KEY CHECK (id = 1), logged ${types.ms} NOT NULL, instance TEXT NOT NULL, seq INTEGER NOT NULL
  );
  INSERT INTO ${t}_rollup_mark VALUES (1, -1, '', 0) ON CONFLICT (id) DO NOTHING;`

/**
 * What retention deletes before a time, in order: the events before it, the journeys that started in an hour
 * before it, their counters, then the day it falls in summed again from the hours kept. `p(i)` is placeholder `i`
 * of each statement; the values are `[before]`, `[hour]`, `[hour, day]`, `[day, day + DAY]`.
 */
export const pruneSql = (t: string, p: (i: number) => string): readonly string[] => [
  `DELETE FROM ${t}_journey WHERE at < ${p(1)}`,
  `DELETE FROM ${t}_journeys WHERE started < ${p(1)}`,
  `DELETE FROM ${t}_rollup WHERE (grain = 'h' AND slot < ${p(1)}) OR (grain = 'd' AND slot <= ${p(2)})`,
  `INSERT INTO ${t}_rollup SELECT workflow, 'd', ${p(1)}, version, kind, step, other, sum(n) FROM ${t}_rollup
   WHERE grain = 'h' AND slot >= ${p(1)} AND slot < ${p(2)} GROUP BY workflow, version, kind, step, other`,
]

/** The values of `pruneSql`'s statements for `before`. */
export const pruneValues = (before: number): readonly (readonly number[])[] => {
  const [hour, day] = [slotOf(before, HOUR), slotOf(before, DAY)]
  return [[before], [hour], [hour, day], [day, day + DAY]]
}
