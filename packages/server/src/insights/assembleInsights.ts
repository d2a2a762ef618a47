import { STEP_SEP } from './projectJourney'
import { slotRanges } from './rollupBatch'
import { TIME_BUCKETS } from './timeBuckets'
import type { FlowInsights, InsightsQuery, InsightsRow, ResolvedQuery, StepInsights } from './types'

const num = (value: number | string | null): number => (value === null ? 0 : Number(value))
/** Code-unit order, as the databases' binary collation (`COLLATE "C"`), whatever the locale. */
const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)

interface Building {
  step: string
  reached: number
  completed: number
  open: number
  recent: number
  backs: number
  times: [number, number][]
  blockingFields: { field: string; count: number }[]
  counts: number[]
}

const building = (step: string): Building => ({
  ...{ step, reached: 0, completed: 0, open: 0, recent: 0, backs: 0, times: [], blockingFields: [] },
  counts: TIME_BUCKETS.map(() => 0),
})

/** The nearest-rank `p` percentile of a distribution given as `[value, count]` pairs, `null` when empty. */
const percentile = (sorted: readonly [number, number][], total: number, p: number): number | null => {
  const rank = Math.ceil(p * total)
  let seen = 0
  for (const [value, count] of sorted) {
    seen += count
    if (seen >= rank) return value
  }
  return null
}

const finish = ({ counts, blockingFields, times, open, recent, ...s }: Building): StepInsights => {
  const sorted = times.sort((a, b) => a[0] - b[0])
  const total = sorted.reduce((sum, [, count]) => sum + count, 0)
  return {
    ...s,
    abandoned: open - recent,
    medianMs: percentile(sorted, total, 0.5),
    p90Ms: percentile(sorted, total, 0.9),
    blockingFields: blockingFields.sort((a, b) => b.count - a.count || byText(a.field, b.field)),
    timeBuckets: TIME_BUCKETS.map((upToMs, i) => ({ upToMs, count: counts[i] as number })),
  }
}

/** A step some counter names (the step an unfinished journey is on is listed only once it is abandoned there). */
const counted = (s: Building) =>
  s.reached > 0 || s.completed > 0 || s.backs > 0 || s.open !== s.recent || s.times.length > 0 || s.blockingFields.length > 0

/** The `FlowInsights` of the rollup query's rows: sums per section, the percentiles read off each step's distribution. */
export const assembleInsights = (query: InsightsQuery, resolved: ResolvedQuery, rows: readonly InsightsRow[]): FlowInsights => {
  const steps = new Map<string, Building>()
  const stepOf = (id: string) => steps.get(id) ?? (steps.set(id, building(id)).get(id) as Building)
  const totals = { started: 0, finished: 0, resumed: 0, unfinished: 0, recent: 0 }
  const edges: { from: string; to: string; count: number }[] = []
  const paths: { steps: string[]; count: number }[] = []
  for (const row of rows) {
    const [step, other, n] = [row.step ?? '', row.other ?? '', num(row.n)]
    if (row.kind === 'started' || row.kind === 'finished' || row.kind === 'resumed' || row.kind === 'unfinished') totals[row.kind] = n
    else if (row.kind === 'recent') {
      totals.recent += n
      if (row.step !== null) stepOf(step).recent = n
    } else if (row.kind === 'reached' || row.kind === 'completed' || row.kind === 'backs' || row.kind === 'open') stepOf(step)[row.kind] = n
    else if (row.kind === 'ms') stepOf(step).times.push([Number(other), n])
    else if (row.kind === 'bucket') (stepOf(step).counts[Number(other)] as number) += n
    else if (row.kind === 'field') stepOf(step).blockingFields.push({ field: other, count: n })
    else if (row.kind === 'edge') edges.push({ from: step, to: other, count: n })
    else if (row.kind === 'path') paths.push({ steps: other.split(STEP_SEP), count: n })
  }
  const abandoned = totals.unfinished - totals.recent
  const journeys = { started: totals.started, completed: totals.finished, abandoned, resumed: totals.resumed }
  const range = slotRanges(resolved.from, resolved.to)
  return {
    workflow: resolved.workflow,
    version: query.version ?? null,
    from: query.from === undefined ? null : range.lo,
    to: query.to === undefined ? null : range.hi,
    abandonAfter: resolved.abandonAfter,
    journeys: {
      ...journeys,
      inProgress: journeys.started - journeys.completed - abandoned,
      completionRate: journeys.started === 0 ? 0 : journeys.completed / journeys.started,
    },
    steps: [...steps.values()]
      .filter(counted)
      .map(finish)
      .sort((a, b) => b.reached - a.reached || byText(a.step, b.step)),
    edges: edges.sort((a, b) => b.count - a.count || byText(a.from, b.from) || byText(a.to, b.to)),
    paths: paths.sort((a, b) => b.count - a.count || byText(a.steps.join(STEP_SEP), b.steps.join(STEP_SEP))),
  }
}
