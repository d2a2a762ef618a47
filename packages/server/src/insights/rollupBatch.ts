import { DAY, type Deltas, HOUR, type JourneySummary, KEY_SEP, projectJourney, type StoredEvent, slotOf } from './projectJourney'

/** One counter change as a store writes it: `n` is added to the row of both grains (`'h'` hour, `'d'` day). */
export interface RollupRow {
  readonly workflow: string
  readonly version: string
  readonly grain: 'h' | 'd'
  readonly slot: number
  readonly kind: string
  readonly step: string
  readonly other: string
  readonly n: number
}

/**
 * Folds a batch of journey events (any order, any journeys) into the summaries of their journeys: the summaries to
 * write and the counter changes, summed per row, for the hour and the day each journey started.
 */
export const rollupBatch = (events: readonly StoredEvent[], summaries: ReadonlyMap<string, JourneySummary>) => {
  const byJourney = new Map<string, StoredEvent[]>()
  for (const e of events) {
    const list = byJourney.get(e.instance)
    if (list) list.push(e)
    else byJourney.set(e.instance, [e])
  }
  const deltas: Deltas = new Map()
  const written: JourneySummary[] = []
  for (const [instance, list] of byJourney) {
    const before = summaries.get(instance)
    const after = projectJourney(
      before,
      list.sort((a, b) => a.seq - b.seq),
      deltas,
    )
    if (after && after.seq !== before?.seq) written.push(after)
  }
  const rows: RollupRow[] = []
  const days = new Map<string, RollupRow & { n: number }>()
  for (const d of deltas.values()) {
    if (d.n === 0) continue
    const { workflow, version, kind, step, other, n } = d
    rows.push({ workflow, version, grain: 'h', slot: d.hour, kind, step, other, n })
    const slot = slotOf(d.hour, DAY)
    const key = `${workflow}${KEY_SEP}${version}${KEY_SEP}${slot}${KEY_SEP}${kind}${KEY_SEP}${step}${KEY_SEP}${other}`
    const day = days.get(key)
    if (day) day.n += n
    else days.set(key, { workflow, version, grain: 'd', slot, kind, step, other, n })
  }
  for (const day of days.values()) if (day.n !== 0) rows.push(day)
  return { summaries: written, rows }
}

/** The slots a query reads: whole days where it can, hours at either end (`lo` inclusive, `hi` exclusive). */
export const slotRanges = (from: number, to: number) => {
  const [lo, hi] = [Math.max(slotOf(from, HOUR), -MAX), Math.min(Math.ceil(to / HOUR) * HOUR, MAX)]
  const [d0, d1] = [Math.ceil(lo / DAY) * DAY, slotOf(hi, DAY)]
  if (d0 >= d1) return { lo, hi, h1: [lo, hi], d: [0, 0], h2: [0, 0] } as const
  return { lo, hi, h1: [lo, d0], d: [d0, d1], h2: [d1, hi] } as const
}

/** Times beyond this (the range of a JavaScript `Date`) stand for "no limit". */
const MAX = 8.64e15
