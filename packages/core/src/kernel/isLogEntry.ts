import { isPlainObject } from '../plain'
import type { LogEntry } from '../types'

const LOG_TYPES = new Set(['entered', 'completed', 'skipped', 'back', 'goto', 'reset', 'error', 'invalid', 'done'])

/**
 * Whether `value` is a journey log entry as the engine writes it (a known `type`, a `step`, a numeric `at`, an
 * optional `reason` and at most 1,000 field paths): what `replay` accepts in a snapshot's log, and what a server or
 * a tool reading a stored log should accept too.
 * @example
 * const log = Array.isArray(body.log) ? body.log.filter(isLogEntry) : []
 */
export const isLogEntry = (value: unknown): value is LogEntry =>
  isPlainObject(value) &&
  LOG_TYPES.has(value.type as string) &&
  typeof value.step === 'string' &&
  typeof value.at === 'number' &&
  (value.reason === undefined || typeof value.reason === 'string') &&
  (value.fields === undefined ||
    (Array.isArray(value.fields) && value.fields.length <= 1000 && value.fields.every((f) => typeof f === 'string')))
