import { formatDuration } from './format'
import type { StepInsights } from './types'

/** One bar of a time-on-step histogram. */
export interface BucketBar {
  /** `≤ 5 s`, or `> 2 min` for the last, open bucket. */
  readonly label: string
  readonly count: number
  /** The bucket holds the median (`median`), the 90th percentile (`p90`), both, or neither. */
  readonly marks: readonly ('median' | 'p90')[]
}

const holds = (ms: number | null, lower: number, upper: number) => ms !== null && ms > lower && ms <= upper

/** A step's `timeBuckets` (readonly in the server's type) as bars, each bucket from the previous bound up to its own, marking where the median and p90 fall. */
export const bucketBars = (step: Pick<StepInsights, 'timeBuckets' | 'medianMs' | 'p90Ms'>): BucketBar[] =>
  step.timeBuckets.map((bucket, i) => {
    const lower = i === 0 ? Number.NEGATIVE_INFINITY : (step.timeBuckets[i - 1]?.upToMs ?? 0)
    // The last bucket is open-ended: JSON has no Infinity, so the server writes Number.MAX_SAFE_INTEGER.
    const open = !Number.isFinite(bucket.upToMs) || bucket.upToMs >= Number.MAX_SAFE_INTEGER
    const upper = open ? Number.POSITIVE_INFINITY : bucket.upToMs
    const marks = [
      ...(holds(step.medianMs, lower, upper) ? (['median'] as const) : []),
      ...(holds(step.p90Ms, lower, upper) ? (['p90'] as const) : []),
    ]
    return { label: open ? `> ${formatDuration(lower)}` : `≤ ${formatDuration(upper)}`, count: bucket.count, marks }
  })
