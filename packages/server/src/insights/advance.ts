import type { JourneyEventType, JourneyPosition, JourneyWrite } from './types'

/** An event to insert: `[seq, type, step, at, reason, fields]`. */
export type JourneyEvent = readonly [number, JourneyEventType, string, number, string | null, readonly string[] | null]

const after = (at: number, rank: number, position: JourneyPosition) =>
  position.at === null || at > position.at || (at === position.at && rank > position.rank)

/**
 * The events a save adds to a journey, and where it then stands. New are the log entries after the last one
 * recorded, by `(at, rank)`: the client's log is a bounded ring, so its count says nothing, but its times only grow.
 * A save from another device than the last one first records `resumed` (at `now`). PostgreSQL's save statement
 * applies the same rule in SQL (`postgresInsights.ts`).
 */
export const advance = (position: JourneyPosition, journey: JourneyWrite, now: number) => {
  const fresh = journey.rows.filter(([, , at, , , rank]) => after(at, rank, position))
  const resumed = journey.device !== null && position.device !== null && journey.device !== position.device
  const events: JourneyEvent[] = []
  if (resumed) events.push([position.seq + 1, 'resumed', fresh[0]?.[1] ?? journey.step, now, null, null])
  for (const [type, step, at, reason, fields] of fresh) events.push([position.seq + events.length + 1, type, step, at, reason, fields])
  const last = journey.rows.at(-1)
  const ahead = last !== undefined && after(last[2], last[5], position)
  const next: JourneyPosition = {
    seq: position.seq + events.length,
    at: ahead ? last[2] : position.at,
    rank: ahead ? last[5] : position.rank,
    device: journey.device ?? position.device,
  }
  return { events, position: next }
}

/** A journey before its first event. */
export const START: JourneyPosition = { seq: 0, at: null, rank: 0, device: null }
