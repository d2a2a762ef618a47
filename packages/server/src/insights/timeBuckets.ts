/**
 * The upper bounds of `timeBuckets` (ms): 5 s, 15 s, 30 s, 1 min, 2 min, 5 min, 10 min, 30 min, and the open-ended
 * last one, written `Number.MAX_SAFE_INTEGER` (JSON has no Infinity).
 */
export const TIME_BUCKETS: readonly number[] = [
  5_000,
  15_000,
  30_000,
  60_000,
  120_000,
  300_000,
  600_000,
  1_800_000,
  Number.MAX_SAFE_INTEGER,
]

/** The SQL expression giving the bucket index (0-based) of `column`, the same in SQLite and PostgreSQL. */
export const bucketSql = (column: string): string =>
  `CASE ${TIME_BUCKETS.slice(0, -1)
    .map((bound, i) => `WHEN ${column} <= ${bound} THEN ${i}`)
    .join(' ')} ELSE ${TIME_BUCKETS.length - 1} END`
