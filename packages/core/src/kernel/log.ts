import type { LogEntry, LogEntryType } from '../types'
import type { Skip } from './state'

/**
 * The ring the states of one run share: entry `i` is at `i % limit` of each array, with no object per
 * entry (an entry lives for `limit` moves, long enough to be copied by the GC); `written` counts every
 * entry ever written to it. `more` is an entry's `reason`, or its `fields` (for `invalid`).
 */
interface Ring {
  readonly type: LogEntryType[]
  readonly step: string[]
  readonly at: number[]
  readonly more: (string | readonly string[] | undefined)[]
  written: number
  /** `written % limit`, kept as it goes: the next entry's index, without a division per entry. */
  next: number
}

/**
 * The journey log of a state: a bounded ring buffer shared along a run, each state knowing how many
 * entries it holds. Appending is O(1); a state that is appended to after a later one (a fork, as when
 * a stale state is moved again) gets a ring of its own first, so no state sees another's entries.
 */
export interface Log {
  readonly ring: Ring
  readonly count: number
  readonly limit: number
}

export const emptyLog = (limit: number): Log => ({
  ring: { type: [], step: [], at: [], more: [], written: 0, next: 0 },
  count: 0,
  limit: Math.max(1, limit),
})

/** The entries of `log`, oldest first, as new objects (so no reader can change the ring). */
export const logEntries = (log: Log): LogEntry[] => {
  const { ring, count, limit } = log
  const out: LogEntry[] = []
  for (let i = Math.max(0, count - limit, ring.written - limit); i < count; i++) {
    const k = i % limit
    const type = ring.type[k] as LogEntryType
    const step = ring.step[k] as string
    const at = ring.at[k] as number
    const more = ring.more[k]
    out.push(
      more === undefined
        ? { type, step, at }
        : typeof more === 'string'
          ? { type, step, at, reason: more }
          : { type, step, at, fields: more },
    )
  }
  return out
}

/** Writes one entry at the tip of a ring the caller owns. */
const write = (ring: Ring, limit: number, type: LogEntryType, step: string, at: number, more?: string | readonly string[]) => {
  const k = ring.next
  ring.next = k + 1 === limit ? 0 : k + 1
  ring.type[k] = type
  ring.step[k] = step
  ring.at[k] = at
  ring.more[k] = more
  ring.written++
}

/** `log` itself when appending to it is safe, else a copy on a ring of its own (see `Log`); either way `ring.written === count`. */
const own = (log: Log): Log => (log.ring.written === log.count ? log : logOf(logEntries(log), log.limit))

export const appendLog = (log: Log, type: LogEntryType, step: string, at: number, reason?: string, fields?: readonly string[]): Log => {
  const { ring, limit } = own(log)
  write(ring, limit, type, step, at, fields ?? reason)
  return { ring, count: ring.written, limit }
}

/**
 * The log after a move: `first` (completed, reset, or none), a `skipped` entry per step passed over, then
 * `last` (entered, done), all `at` the move's time. One log object per move, however many entries.
 */
export const appendMove = (
  log: Log,
  first: LogEntryType | undefined,
  from: string,
  skipped: readonly Skip[],
  last: LogEntryType,
  to: string,
  at: number,
): Log => {
  const { ring, limit } = own(log)
  if (first) write(ring, limit, first, from, at)
  for (let i = 0; i < skipped.length; i++) write(ring, limit, 'skipped', (skipped[i] as Skip).step, at, (skipped[i] as Skip).reason)
  write(ring, limit, last, to, at)
  return { ring, count: ring.written, limit }
}

/** A log holding `entries` (the last `limit` of them). */
export const logOf = (entries: readonly LogEntry[], limit: number): Log => {
  let log = emptyLog(limit)
  for (const { type, step, at, reason, fields } of entries.slice(-log.limit)) log = appendLog(log, type, step, at, reason, fields)
  return log
}
