import type { LogEntry, LogEntryType } from '../types'
import type { Skip } from './state'

/**
 * The journey log a flow state carries: entered, completed, skipped, back, goto, reset, invalid,
 * error and done, each with its time. Persistent: appending returns a new log and leaves this one as
 * it was. A workflow keeps one only when asked (`log: journeyLog()`), so a flow that never reads its
 * journey ships none of this and spends nothing on it per move.
 */
export interface Log {
  /** The log with one entry more: `more` is the entry's `reason`, or its `fields` (for `invalid`). */
  add(type: LogEntryType, step: string, at: number, more?: string | readonly string[]): Log
  /** The log after a move: `first` (completed, reset, or none), a `skipped` entry per step passed over, then `last`. */
  move(first: LogEntryType | undefined, from: string, skipped: readonly Skip[], last: LogEntryType, to: string, at: number): Log
  /** The entries, oldest first, as new objects. */
  entries(): LogEntry[]
}

/** Makes the log a workflow starts with (no entries) or resumes with (the saved ones). See `journeyLog`. */
export type JourneyLog = (entries?: readonly LogEntry[]) => Log

/**
 * The ring the logs of one run share: entry `i` is at `i % limit` of each array, with no object per
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
 * A bounded ring buffer shared along a run, each log knowing how many entries it holds. Appending is
 * O(1); a log appended to after a later one (a fork, as when a stale state is moved again) gets a ring
 * of its own first, so no log sees another's entries.
 */
class RingLog implements Log {
  constructor(
    readonly ring: Ring,
    readonly count: number,
    readonly limit: number,
  ) {}

  entries(): LogEntry[] {
    const { ring, count, limit } = this
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

  add(type: LogEntryType, step: string, at: number, more?: string | readonly string[]): Log {
    const { ring, limit } = this.own()
    write(ring, limit, type, step, at, more)
    return new RingLog(ring, ring.written, limit)
  }

  move(first: LogEntryType | undefined, from: string, skipped: readonly Skip[], last: LogEntryType, to: string, at: number): Log {
    const { ring, limit } = this.own()
    if (first) write(ring, limit, first, from, at)
    for (let i = 0; i < skipped.length; i++) write(ring, limit, 'skipped', (skipped[i] as Skip).step, at, (skipped[i] as Skip).reason)
    write(ring, limit, last, to, at)
    return new RingLog(ring, ring.written, limit)
  }

  /** This log when appending to its ring is safe, else a copy on a ring of its own; either way `ring.written === count`. */
  private own(): RingLog {
    return this.ring.written === this.count ? this : ringOf(this.entries(), this.limit)
  }
}

const empty = (limit: number) => new RingLog({ type: [], step: [], at: [], more: [], written: 0, next: 0 }, 0, limit)

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

/** A log holding the last `limit` of `entries`. */
const ringOf = (entries: readonly LogEntry[], limit: number): RingLog => {
  const log = empty(limit)
  for (const { type, step, at, reason, fields } of entries.slice(-limit)) write(log.ring, limit, type, step, at, fields ?? reason)
  return new RingLog(log.ring, log.ring.written, limit)
}

/**
 * Records the journey (`snapshot.log`): pass it as the `log` option of `createWorkflow`,
 * `resumeWorkflow`, `useWorkflow` or `replay`. It keeps the last `limit` entries (default 500) in a
 * ring, so a long session costs the same per move. What it records drives journey diagrams
 * (`toGraph(definition, { trace })`) and the server's insights; without it `snapshot.log` is empty.
 * @example
 * const flow = createWorkflow(checkout, { log: journeyLog({ limit: 1000 }) })
 */
export const journeyLog =
  ({ limit = 500 }: { readonly limit?: number } = {}): JourneyLog =>
  (entries = []) =>
    ringOf(entries, Math.max(1, Math.floor(limit) || 1))
