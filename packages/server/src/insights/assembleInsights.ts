import { TIME_BUCKETS } from './timeBuckets'
import type { FlowInsights, InsightsQuery, InsightsRow, ResolvedQuery, StepInsights } from './types'

const num = (value: number | string | null): number => (value === null ? 0 : Number(value))
/** Code-unit order, as the databases' binary collation (`COLLATE "C"`), whatever the locale. */
const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)

interface Building {
  step: string
  reached: number
  completed: number
  abandoned: number
  backs: number
  medianMs: number | null
  p90Ms: number | null
  blockingFields: { field: string; count: number }[]
  counts: number[]
}

/** The `FlowInsights` of the aggregate query's rows (each section's numbers are final: nothing is counted here). */
export const assembleInsights = (query: InsightsQuery, resolved: ResolvedQuery, rows: readonly InsightsRow[]): FlowInsights => {
  const steps = new Map<string, Building>()
  const stepOf = (id: string) => {
    let s = steps.get(id)
    if (!s) {
      s = {
        step: id,
        reached: 0,
        completed: 0,
        abandoned: 0,
        backs: 0,
        medianMs: null,
        p90Ms: null,
        blockingFields: [],
        counts: TIME_BUCKETS.map(() => 0),
      }
      steps.set(id, s)
    }
    return s
  }
  const journeys = { started: 0, completed: 0, abandoned: 0 }
  const edges: { from: string; to: string; count: number }[] = []
  const paths: { steps: string[]; count: number }[] = []
  for (const row of rows) {
    const step = row.step ?? ''
    if (row.kind === 'journeys') Object.assign(journeys, { started: num(row.n), completed: num(row.a), abandoned: num(row.b) })
    else if (row.kind === 'reached') Object.assign(stepOf(step), { reached: num(row.n), backs: num(row.a) })
    else if (row.kind === 'completed') stepOf(step).completed = num(row.n)
    else if (row.kind === 'abandoned') stepOf(step).abandoned = num(row.n)
    else if (row.kind === 'time') Object.assign(stepOf(step), { medianMs: num(row.n), p90Ms: num(row.a) })
    else if (row.kind === 'bucket') (stepOf(step).counts[num(row.n)] as number) += num(row.a)
    else if (row.kind === 'field') stepOf(step).blockingFields.push({ field: row.other ?? '', count: num(row.n) })
    else if (row.kind === 'edge') edges.push({ from: step, to: row.other ?? '', count: num(row.n) })
    else if (row.kind === 'path') paths.push({ steps: (row.other ?? '').split('\u001f'), count: num(row.n) })
  }
  const list: StepInsights[] = [...steps.values()]
    .sort((a, b) => b.reached - a.reached || byText(a.step, b.step))
    .map(({ counts, blockingFields, ...s }) => ({
      ...s,
      blockingFields: blockingFields.sort((a, b) => b.count - a.count || byText(a.field, b.field)),
      timeBuckets: TIME_BUCKETS.map((upToMs, i) => ({ upToMs, count: counts[i] as number })),
    }))
  const inProgress = journeys.started - journeys.completed - journeys.abandoned
  return {
    workflow: resolved.workflow,
    version: query.version ?? null,
    from: query.from ?? null,
    to: query.to ?? null,
    abandonAfter: resolved.abandonAfter,
    journeys: { ...journeys, inProgress, completionRate: journeys.started === 0 ? 0 : journeys.completed / journeys.started },
    steps: list,
    edges: edges.sort((a, b) => b.count - a.count || byText(a.from, b.from) || byText(a.to, b.to)),
    paths: paths.sort((a, b) => b.count - a.count || byText(a.steps.join('\u001f'), b.steps.join('\u001f'))),
  }
}
