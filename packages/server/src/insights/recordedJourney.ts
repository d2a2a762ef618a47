import { isLogEntry, type PersistedSnapshot } from '@flowkit/core'
import { sha256 } from '../tokens'
import type { AnyDefinition } from '../types'
import type { JourneyEventType, JourneyRow, JourneyWrite } from './types'

const MAX_FIELDS = 50
const MAX_TEXT = 200

/**
 * The device that sent a request, for `resumed`: the `x-flowkit-device` header a client may send (any random id
 * it keeps), else its user agent; kept only as a 16-hex-digit hash on the instance, never in the journey table.
 */
export const deviceOf = (request: Request): string | null => {
  const id = request.headers.get('x-flowkit-device') ?? request.headers.get('user-agent')
  return id ? sha256(id).slice(0, 16) : null
}

/** The text a row keeps: a skip reason or error code, cut short. */
const reasonOf = (type: string, reason: unknown) =>
  (type === 'skipped' || type === 'error') && typeof reason === 'string' ? reason.slice(0, MAX_TEXT) : null

/**
 * The field paths of an `invalid` entry (paths only: the log never holds values), at most 50, without control
 * characters (the rollups join a counter's parts with them).
 */
const fieldsOf = (type: string, fields: unknown) =>
  type === 'invalid' && Array.isArray(fields)
    ? fields
        .filter((f): f is string => typeof f === 'string')
        .slice(0, MAX_FIELDS)
        // biome-ignore lint/suspicious/noControlCharactersInRegex: removing them is the point
        .map((f) => f.replace(/[\u0000-\u001f]/g, '').slice(0, MAX_TEXT))
    : null

/**
 * The journey a snapshot's log records, for the store: entries of the known types naming steps of the definition,
 * with a whole-millisecond time, and nothing but types, steps, times, skip reasons, error codes and field paths.
 * `extra` (the server's own `submitted`) comes last.
 */
export const recordedJourney = (
  definition: AnyDefinition,
  snapshot: PersistedSnapshot,
  device: string | null,
  extra?: { readonly type: JourneyEventType; readonly at: number },
): JourneyWrite => {
  const steps = definition.steps as Record<string, unknown>
  const rows: JourneyRow[] = []
  let last = Number.NEGATIVE_INFINITY
  let rank = 0
  const push = (type: JourneyEventType, step: string, at: number, reason: string | null, fields: readonly string[] | null) => {
    rank = at === last ? rank + 1 : 1
    last = at
    rows.push([type, step, at, reason, fields, rank])
  }
  for (const entry of Array.isArray(snapshot.log) ? (snapshot.log as unknown[]) : []) {
    // The entries core's replay keeps (isLogEntry), of steps this definition has, at a finite time.
    if (!isLogEntry(entry) || !Object.hasOwn(steps, entry.step) || !Number.isFinite(entry.at)) continue
    const type = entry.type as JourneyEventType
    push(type, entry.step, Math.round(entry.at), reasonOf(type, entry.reason), fieldsOf(type, entry.fields))
  }
  // After the log's last entry even when the client's clock ran ahead, so a store sees it as new.
  if (extra) push(extra.type, snapshot.step, Math.max(Math.round(extra.at), last), null, null)
  const version = snapshot.version ?? definition.version
  return { version: version === undefined || version === null ? null : String(version), step: snapshot.step, rows, device }
}
