import type Database from 'better-sqlite3'
import { advance, type JourneyEvent } from './advance'
import { bucketSql } from './timeBuckets'
import type { InsightsRow, InsightsSource, InsightsStoreOptions, JourneyPosition, JourneyWrite } from './types'

/** Journey events are kept this long unless `insights.retain` says otherwise: 90 days. */
export const DEFAULT_RETAIN = 90 * 24 * 60 * 60 * 1000

/**
 * The journey table and the position columns on the instance table (added to an older table). A journey is found by
 * its first event (`seq = 1`, in the partial indexes by flow, version and time, one entry per journey, so recording
 * stays cheap), and its events by the primary key `(instance, seq)`.
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
    PRIMARY KEY (instance, seq)
  );
  CREATE INDEX IF NOT EXISTS ${table}_journey_starts ON ${table}_journey (workflow, version, at) WHERE seq = 1;
  CREATE INDEX IF NOT EXISTS ${table}_journey_starts_all ON ${table}_journey (workflow, at) WHERE seq = 1;`)
  const present = new Set((db.pragma(`table_info(${table})`) as { name: string }[]).map((c) => c.name))
  const columns = {
    journey_seq: 'INTEGER NOT NULL DEFAULT 0',
    journey_at: 'INTEGER',
    journey_rank: 'INTEGER NOT NULL DEFAULT 0',
    journey_device: 'TEXT',
  }
  for (const [name, type] of Object.entries(columns)) if (!present.has(name)) db.exec(`ALTER TABLE ${table} ADD COLUMN ${name} ${type}`)
}

interface PositionRow {
  journey_seq: number
  journey_at: number | null
  journey_rank: number
  journey_device: string | null
}

/**
 * Records journeys next to the saves of a SQLite store: `record` runs inside the save's transaction, reads the
 * instance's position, inserts the new events and moves the position on.
 */
export const sqliteRecorder = (db: Database.Database, table: string) => {
  const position = db.prepare<[string], PositionRow>(
    `SELECT journey_seq, journey_at, journey_rank, journey_device FROM ${table} WHERE token_hash = ?`,
  )
  const insert = db.prepare<[string, string, string | null, number, string, string, number, string | null, string | null]>(
    `INSERT INTO ${table}_journey (instance, workflow, version, seq, type, step, at, reason, fields) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  )
  const move = db.prepare<[number, number | null, number, string | null, string]>(
    `UPDATE ${table} SET journey_seq = ?, journey_at = ?, journey_rank = ?, journey_device = ? WHERE token_hash = ?`,
  )
  const read = (hash: string): JourneyPosition => {
    const row = position.get(hash)
    return row
      ? { seq: row.journey_seq, at: row.journey_at, rank: row.journey_rank, device: row.journey_device }
      : { seq: 0, at: null, rank: 0, device: null }
  }
  /** Appends what `journey` adds after `from` (read before the save in the same transaction). */
  const record = (hash: string, workflow: string, from: JourneyPosition, journey: JourneyWrite, now: number) => {
    const { events, position: to } = advance(from, journey, now)
    // One prepared insert per event, inside the save's transaction: in SQLite that is cheaper than one statement
    // unpacking a JSON array.
    for (const [seq, type, step, at, reason, fields] of events satisfies readonly JourneyEvent[]) {
      insert.run(hash, workflow, journey.version, seq, type, step, at, reason, fields && JSON.stringify(fields))
    }
    move.run(to.seq, to.at, to.rank, to.device, hash)
  }
  return { read, record }
}

/** The aggregate query in SQLite: the same sections, rules and numbers as PostgreSQL's (see `postgresInsights.ts`). */
const aggregateSql = (t: string, byVersion: boolean) => `WITH
cohort AS (
  SELECT instance FROM ${t}_journey
  WHERE workflow = @workflow ${byVersion ? 'AND version = @version' : ''} AND seq = 1 AND at >= @from AND at < @to
),
ev AS (SELECT e.instance, e.seq, e.type, e.step, e.at, e.fields FROM ${t}_journey e JOIN cohort c ON c.instance = e.instance),
journey AS (SELECT instance, max(at) AS last_at, max(type IN ('done', 'submitted')) AS completed FROM ev GROUP BY instance),
moves AS (
  SELECT instance, seq, type, step, at, lead(type) OVER w AS next_type, lead(step) OVER w AS next_step, lead(at) OVER w AS next_at
  FROM ev WHERE type IN ('entered', 'back', 'goto', 'done') WINDOW w AS (PARTITION BY instance ORDER BY seq)
),
visits AS (SELECT instance, seq, step, next_type, next_step, next_at - at AS ms FROM moves WHERE type <> 'done'),
timed AS (
  SELECT step, ms, row_number() OVER (PARTITION BY step ORDER BY ms) AS rn, count(*) OVER (PARTITION BY step) AS cnt
  FROM visits WHERE ms IS NOT NULL
),
fields AS (SELECT ev.step, f.value AS field, count(*) AS n FROM ev, json_each(ev.fields) f WHERE ev.type = 'invalid' GROUP BY ev.step, f.value),
ranked AS (SELECT step, field, n, row_number() OVER (PARTITION BY step ORDER BY n DESC, field) AS rn FROM fields),
firsts AS (SELECT instance, step, min(seq) AS first FROM visits GROUP BY instance, step),
paths AS (
  SELECT path, count(*) AS n FROM (SELECT group_concat(step, char(31) ORDER BY first) AS path FROM firsts GROUP BY instance)
  GROUP BY path ORDER BY n DESC, path LIMIT @topPaths
)
SELECT 'journeys' AS kind, NULL AS step, NULL AS other, count(*) AS n, sum(completed) AS a,
  sum(NOT completed AND @now - last_at > @abandonAfter) AS b FROM journey
UNION ALL SELECT 'reached', step, NULL, count(DISTINCT instance), sum(next_type IN ('back', 'goto')), NULL FROM visits GROUP BY step
UNION ALL SELECT 'completed', step, NULL, count(DISTINCT instance), NULL, NULL FROM ev WHERE type = 'completed' GROUP BY step
UNION ALL SELECT 'abandoned', v.step, NULL, count(*), NULL, NULL FROM visits v JOIN journey j ON j.instance = v.instance
  WHERE v.next_type IS NULL AND NOT j.completed AND @now - j.last_at > @abandonAfter GROUP BY v.step
UNION ALL SELECT 'time', step, NULL, max(CASE WHEN rn = (cnt + 1) / 2 THEN ms END), max(CASE WHEN rn = (9 * cnt + 9) / 10 THEN ms END), NULL
  FROM timed GROUP BY step
UNION ALL SELECT 'bucket', step, NULL, ${bucketSql('ms')} AS bucket, count(*), NULL FROM visits WHERE ms IS NOT NULL GROUP BY step, bucket
UNION ALL SELECT 'field', step, field, n, NULL, NULL FROM ranked WHERE rn <= @topFields
UNION ALL SELECT 'edge', step, next_step, count(*), NULL, NULL FROM visits
  WHERE next_step IS NOT NULL AND next_type <> 'done' GROUP BY step, next_step
UNION ALL SELECT 'path', NULL, path, n, NULL, NULL FROM paths`

/** The insights side of a SQLite store. */
export const sqliteInsights = (db: Database.Database, table: string, options: InsightsStoreOptions = {}): InsightsSource => {
  const byVersion = db.prepare<Record<string, unknown>, InsightsRow>(aggregateSql(table, true))
  const all = db.prepare<Record<string, unknown>, InsightsRow>(aggregateSql(table, false))
  const prune = db.prepare<[number]>(`DELETE FROM ${table}_journey WHERE at < ?`)
  return {
    retain: options.retain ?? DEFAULT_RETAIN,
    aggregate: async (q) => {
      const { version, ...rest } = q
      return version === null ? all.all(rest) : byVersion.all({ ...rest, version })
    },
    prune: async (before) => prune.run(before).changes,
  }
}
