import { TIME_BUCKETS } from './timeBuckets'

/** A journey event as the projection reads it from the journey table. */
export interface StoredEvent {
  readonly instance: string
  readonly workflow: string
  readonly version: string | null
  readonly seq: number
  readonly type: string
  readonly step: string
  readonly at: number
  /** The field paths of an `invalid` event. */
  readonly fields: readonly string[] | null
}

/** Where one journey stands in the rollups: one row per journey (`<table>_journeys`). */
export interface JourneySummary {
  readonly instance: string
  readonly workflow: string
  /** The version of its first event, `''` for none. */
  readonly version: string
  /** When it started (its first event). */
  readonly started: number
  /** The last event folded in. */
  seq: number
  lastAt: number
  completed: boolean
  resumed: boolean
  /** The steps it reached, in the order first reached. */
  path: string[]
  /** The steps it completed. */
  done: string[]
  /** The step it is on (an entered step not yet left), or `null`. */
  openStep: string | null
  openAt: number | null
}

/** What the rollups count, by journey start: one key is `kind`, `step`, `other`. */
export type RollupKind =
  | 'started'
  | 'finished'
  | 'resumed'
  | 'unfinished'
  | 'open'
  | 'reached'
  | 'completed'
  | 'backs'
  | 'ms'
  | 'bucket'
  | 'field'
  | 'edge'
  | 'path'

/** One counter change: `n` added to a rollup row of the hour a journey started. */
export interface Delta {
  readonly workflow: string
  readonly version: string
  readonly hour: number
  readonly kind: RollupKind
  readonly step: string
  readonly other: string
  n: number
}

/** Changes to the rollup counters, one per row (keyed by its parts joined with `KEY_SEP`). */
export type Deltas = Map<string, Delta>

/** Joins the steps of a path (in the rollups, the journey summaries and the query's rows). */
export const STEP_SEP = '\u001f'
/** Joins the parts of a counter's key (a path's steps are joined by `STEP_SEP` inside one part). */
export const KEY_SEP = '\u001e'
const MOVES = new Set(['entered', 'back', 'goto', 'done'])

/**
 * A time on a step, to two significant figures (rounded down; under 100 ms kept as is): what the percentiles are
 * read from, so a step's distribution is a few hundred counters whatever the number of visits.
 */
export const roundMs = (ms: number): number => {
  if (ms < 0) return -roundMs(-ms)
  if (ms < 100) return Math.floor(ms)
  const factor = 10 ** (String(Math.floor(ms)).length - 2)
  return Math.floor(ms / factor) * factor
}

const bucketOf = (ms: number) => {
  const i = TIME_BUCKETS.findIndex((bound) => ms <= bound)
  return i === -1 ? TIME_BUCKETS.length - 1 : i
}

/** An hour and a day, in ms: the grains of the rollups (UTC). */
export const HOUR = 3_600_000
export const DAY = 86_400_000
/** The start of the slot of `grain` that holds `at`. */
export const slotOf = (at: number, grain: number) => Math.floor(at / grain) * grain

/** Where a journey's counters go: its flow, version and start hour, and the first parts of their keys. */
interface Target {
  readonly workflow: string
  readonly version: string
  readonly hour: number
  readonly prefix: string
}

const targetOf = (s: JourneySummary): Target => {
  const hour = slotOf(s.started, HOUR)
  return { workflow: s.workflow, version: s.version, hour, prefix: `${s.workflow}${KEY_SEP}${s.version}${KEY_SEP}${hour}${KEY_SEP}` }
}

/** Adds `n` to one counter of the journey `t`. */
const add = (deltas: Deltas, t: Target, kind: RollupKind, step: string, other: string, n: number) => {
  const key = `${t.prefix}${kind}${KEY_SEP}${step}${KEY_SEP}${other}`
  const delta = deltas.get(key)
  if (delta) delta.n += n
  else deltas.set(key, { workflow: t.workflow, version: t.version, hour: t.hour, kind, step, other, n })
}

/** The counters a journey holds by where it stands (they move when it does): unfinished, the step it is on, its path. */
const standing = (s: JourneySummary, t: Target, sign: 1 | -1, deltas: Deltas) => {
  if (!s.completed) {
    add(deltas, t, 'unfinished', '', '', sign)
    if (s.openStep !== null) add(deltas, t, 'open', s.openStep, '', sign)
  }
  if (s.path.length > 0) add(deltas, t, 'path', '', s.path.join(STEP_SEP), sign)
}

/** A move (entered, back, goto, done) closes the visit of the step it leaves and opens the next. */
const move = (s: JourneySummary, e: StoredEvent, count: (kind: RollupKind, step?: string, other?: string) => void) => {
  if (s.openStep !== null && s.openAt !== null) {
    const ms = e.at - s.openAt
    count('ms', s.openStep, String(roundMs(ms)))
    count('bucket', s.openStep, String(bucketOf(ms)))
    if (e.type === 'back' || e.type === 'goto') count('backs', s.openStep)
    if (e.type !== 'done') count('edge', s.openStep, e.step)
  }
  if (e.type === 'done') {
    s.openStep = null
    s.openAt = null
    return
  }
  s.openStep = e.step
  s.openAt = e.at
  if (!s.path.includes(e.step)) {
    s.path.push(e.step)
    count('reached', e.step)
  }
}

const fold = (s: JourneySummary, e: StoredEvent, count: (kind: RollupKind, step?: string, other?: string) => void) => {
  s.seq = e.seq
  s.lastAt = Math.max(s.lastAt, e.at)
  if ((e.type === 'done' || e.type === 'submitted') && !s.completed) {
    s.completed = true
    count('finished')
  }
  if (e.type === 'resumed' && !s.resumed) {
    s.resumed = true
    count('resumed')
  }
  if (e.type === 'completed' && !s.done.includes(e.step)) {
    s.done.push(e.step)
    count('completed', e.step)
  }
  if (e.type === 'invalid') for (const field of e.fields ?? []) count('field', e.step, field)
  if (MOVES.has(e.type)) move(s, e, count)
}

/**
 * Folds a journey's new events (in `seq` order) into its summary and the rollup counters: the one rule of what a
 * journey counts for, whichever database keeps it. Events already folded (`seq` not after the summary's) are passed
 * over, so reading an event twice counts it once. A journey first seen after its first event (pruned) is not
 * counted. Returns the new summary (`undefined` when there is none) and adds the counter changes to `deltas`.
 */
export const projectJourney = (
  summary: JourneySummary | undefined,
  events: readonly StoredEvent[],
  deltas: Deltas,
): JourneySummary | undefined => {
  let s = summary && { ...summary, path: [...summary.path], done: [...summary.done] }
  const fresh = events.filter((e) => s === undefined || e.seq > s.seq)
  const first = fresh[0]
  if (!first) return s
  if (!s) {
    if (first.seq !== 1) return undefined
    s = {
      ...{ instance: first.instance, workflow: first.workflow, version: first.version ?? '', started: first.at, seq: 0 },
      ...{ lastAt: first.at, completed: false, resumed: false, path: [], done: [], openStep: null, openAt: null },
    }
  }
  const current = s
  const target = targetOf(current)
  if (summary) standing(current, target, -1, deltas)
  else add(deltas, target, 'started', '', '', 1)
  const count = (kind: RollupKind, step = '', other = '') => add(deltas, target, kind, step, other, 1)
  for (const e of fresh) fold(current, e, count)
  standing(current, target, 1, deltas)
  return current
}
