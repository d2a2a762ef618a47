import { didYouMean, type LogEntry, WorkflowError } from '@flowkit/core'
import type { MermaidOptions } from './toMermaid'

export const DIRECTIONS = ['TD', 'LR'] as const
const KEYS = ['direction', 'trace'] as const

const invalid = (message: string): never => {
  throw new WorkflowError('INVALID_OPTION', `toMermaid: ${message}`, { category: 'usage' })
}

const show = (value: unknown) => (typeof value === 'string' ? `'${value.slice(0, 40)}'` : Array.isArray(value) ? 'an array' : String(value))

const checkTrace = (trace: unknown): void => {
  if (trace === undefined) return
  if (!Array.isArray(trace)) invalid(`trace must be a journey log (snapshot.log, an array), not ${show(trace)}.`)
  ;(trace as unknown[]).forEach((entry, i) => {
    const { type, step } = (entry ?? {}) as Partial<LogEntry>
    if (typeof entry !== 'object' || typeof type !== 'string' || typeof step !== 'string')
      invalid(`trace[${i}] is not a journey log entry ({ type, step, at }); pass snapshot.log as it is.`)
  })
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
    invalid(`direction must be 'TD' (top-down) or 'LR' (left-right), not ${show(direction)}.`)
  checkTrace(trace)
  return options as MermaidOptions
}
