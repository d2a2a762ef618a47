/** The time ranges the page offers, as the insights route's `from` (ms since the epoch; no `to`: up to now). */
export const TIME_RANGES = [
  { id: 'all', label: 'All time', spanMs: null },
  { id: '30d', label: 'Last 30 days', spanMs: 30 * 86_400_000 },
  { id: '7d', label: 'Last 7 days', spanMs: 7 * 86_400_000 },
  { id: '24h', label: 'Last 24 hours', spanMs: 86_400_000 },
] as const

export type TimeRangeId = (typeof TIME_RANGES)[number]['id']

/** The route's query for a range, starting `spanMs` before `now` (rounded down to the minute, so a range is one URL for a minute). */
export const insightsQuery = (range: TimeRangeId, now: number): URLSearchParams => {
  const span = TIME_RANGES.find((r) => r.id === range)?.spanMs ?? null
  const query = new URLSearchParams()
  if (span !== null) query.set('from', String(Math.floor((now - span) / 60_000) * 60_000))
  return query
}

export const isTimeRange = (value: string): value is TimeRangeId => TIME_RANGES.some((r) => r.id === value)
