import { didYouMean, isLogEntry, WorkflowError } from '@flowkit/core'
import type { MermaidOptions } from './toMermaid'

export const DIRECTIONS = ['TD', 'LR'] as const
const KEYS = ['direction', 'trace'] as const

/**
 * Refuses an option: `toMermaid: direction must be…`. `details.option` names it and `details.reason` says what is
 * wrong after its name, so the CLI can say the same of its flag (`--direction must be…`).
 */
const invalid = (message: string, option?: string, reason?: string): never => {
  throw new WorkflowError('INVALID_OPTION', `toMermaid: ${message}`, {
    category: 'usage',
    ...(option === undefined ? {} : { details: { option, ...(reason === undefined ? {} : { reason }) } }),
  })
}

/** Refuses the value of a known option, saying what is wrong after its name. */
const invalidValue = (option: string, reason: string): never => invalid(`${option} ${reason}`, option, reason)

const show = (value: unknown) => (typeof value === 'string' ? `'${value.slice(0, 40)}'` : Array.isArray(value) ? 'an array' : String(value))

const checkTrace = (trace: unknown): void => {
  if (trace === undefined) return
  if (!Array.isArray(trace)) invalidValue('trace', `must be a journey log (snapshot.log, an array), not ${show(trace)}.`)
  const bad = (trace as unknown[]).findIndex((entry) => !isLogEntry(entry))
  if (bad >= 0) {
    const reason = `is not a journey log entry ({ type, step, at }); pass snapshot.log as it is.`
    invalid(`trace[${bad}] ${reason}`, 'trace', `entry ${bad} ${reason}`)
  }
}

/**
 * The options of `toMermaid` (and the CLI's `diagram`), checked: every key known, `direction` one of
 * TD or LR, `trace` a journey log. Throws a WorkflowError `INVALID_OPTION` naming the bad value and
 * the allowed ones, so nothing unchecked reaches the Mermaid text.
 */
export const checkMermaidOptions = (options: unknown): MermaidOptions => {
  if (options === undefined) return {}
  if (typeof options !== 'object' || options === null || Array.isArray(options))
    invalid(`options must be an object such as { direction: 'LR' }, not ${show(options)}.`)
  for (const key of Object.keys(options as object)) {
    if (!(KEYS as readonly string[]).includes(key))
      invalid(`unknown option '${key.slice(0, 40)}'; the options are direction and trace. ${didYouMean(key, KEYS)}`.trimEnd())
  }
  const { direction, trace } = options as { direction?: unknown; trace?: unknown }
  if (direction !== undefined && !(DIRECTIONS as readonly unknown[]).includes(direction))
    invalidValue('direction', `must be 'TD' (top-down) or 'LR' (left-right), not ${show(direction)}.`)
  checkTrace(trace)
  return options as MermaidOptions
}
