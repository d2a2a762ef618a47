/** How the insights page writes numbers, durations and shares: the same words in charts and tables. */

const counts = new Intl.NumberFormat('en-US')
const shares = new Intl.NumberFormat('en-US', { style: 'percent', maximumFractionDigits: 1 })

/** `1234` → `1,234`. */
export const formatCount = (count: number): string => counts.format(count)

/** `0.6234` → `62.3%`; nothing to divide → `–`. */
export const formatShare = (part: number, whole: number): string => (whole > 0 ? shares.format(part / whole) : '–')

/** A fraction (`completionRate`) as a percentage. */
export const formatRate = (rate: number): string => shares.format(rate)

/** `850` → `850 ms`, `12_300` → `12.3 s`, `125_000` → `2 min 5 s`, `null` → `–`. */
export const formatDuration = (ms: number | null): string => {
  if (ms === null || !Number.isFinite(ms)) return '–'
  if (ms < 1000) return `${Math.round(ms)} ms`
  if (ms < 60_000) return `${Number((ms / 1000).toFixed(ms < 10_000 ? 1 : 0))} s`
  const minutes = Math.floor(ms / 60_000)
  if (minutes >= 60) return `${Math.floor(minutes / 60)} h ${minutes % 60} min`
  const seconds = Math.round((ms % 60_000) / 1000)
  return seconds ? `${minutes} min ${seconds} s` : `${minutes} min`
}
