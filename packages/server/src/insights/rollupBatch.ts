import { DAY, type Deltas, HOUR, type JourneySummary, KEY_SEP, projectJourney, type StoredEvent, slotOf, splitKey } from './projectJourney'

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
  const days = new Map<string, number>()
  for (const [key, n] of deltas) {
    const { hour, ...k } = splitKey(key)
    rows.push({ ...k, grain: 'h', slot: hour, n })
    const day = [k.workflow, k.version, slotOf(hour, DAY), k.kind, k.step, k.other].join(KEY_SEP)
    days.set(day, (days.get(day) ?? 0) + n)
  }
  for (const [key, n] of days) {
    const { hour: slot, ...k } = splitKey(key)
    if (n !== 0) rows.push({ ...k, grain: 'd', slot, n })
  }
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
