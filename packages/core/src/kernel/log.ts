import type { LogEntry, LogEntryType } from '../types'

/** The ring the states of one run share; `written` counts every entry ever written to it. */
interface Ring {
  readonly items: LogEntry[]
  written: number
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

export const emptyLog = (limit: number): Log => ({ ring: { items: [], written: 0 }, count: 0, limit: Math.max(1, limit) })

export const logEntries = (log: Log): LogEntry[] => {
  const { ring, count, limit } = log
  const out: LogEntry[] = []
  for (let i = Math.max(0, count - limit, ring.written - limit); i < count; i++) out.push(ring.items[i % limit] as LogEntry)
  return out
}

/** `log` itself when appending to it is safe, else a copy on a ring of its own (see `Log`). */
const own = (log: Log): Log => {
  if (log.ring.written === log.count) return log
  const items = logEntries(log)
  return { ring: { items, written: items.length }, count: items.length, limit: log.limit }
}

export const appendLog = (log: Log, type: LogEntryType, step: string, at: number, reason?: string, fields?: readonly string[]): Log => {
  const { ring, count, limit } = own(log)
  const entry: LogEntry = fields ? { type, step, at, fields } : reason === undefined ? { type, step, at } : { type, step, at, reason }
  ring.items[count % limit] = entry
  ring.written++
  return { ring, count: count + 1, limit }
}

/** A log holding `entries` (the last `limit` of them). */
export const logOf = (entries: readonly LogEntry[], limit: number): Log => {
  let log = emptyLog(limit)
  for (const { type, step, at, reason, fields } of entries.slice(-log.limit)) log = appendLog(log, type, step, at, reason, fields)
  return log
}
