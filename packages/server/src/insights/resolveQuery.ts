import { refusal } from '../http/errors'
import type { InsightsQuery, ResolvedQuery } from './types'

const bad = (message: string) => refusal('INVALID_REQUEST', message)

const time = (name: string, value: unknown, fallback: number): number => {
  if (value === undefined) return fallback
  if (typeof value !== 'number' || !Number.isSafeInteger(value)) {
    throw bad(
      `\`${name}\` must be a time in milliseconds since the epoch (a whole number), e.g. ${Date.UTC(2026, 0, 1)}; got ${String(value).slice(0, 40)}.`,
    )
  }
  return value
}

const count = (name: string, value: unknown, fallback: number, max: number): number => {
  if (value === undefined) return fallback
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 1 || value > max) {
    throw bad(`\`${name}\` must be a whole number from 1 to ${max}; got ${String(value).slice(0, 40)}.`)
  }
  return value
}

/** A query with its defaults, checked: a `WorkflowError` `INVALID_REQUEST` says which part is wrong and what to send. */
export const resolveQuery = (query: InsightsQuery): ResolvedQuery => {
  if (typeof query?.workflow !== 'string' || query.workflow === '') throw bad('`workflow` must be the id of a workflow, e.g. "enrollment".')
  const { version } = query
  if (
    version !== undefined &&
    !(typeof version === 'string' && version !== '') &&
    !(typeof version === 'number' && Number.isFinite(version))
  ) {
    throw bad(
      `\`version\` must be the definition's version (a number or a non-empty string); got ${JSON.stringify(version)?.slice(0, 40)}.`,
    )
  }
  const from = time('from', query.from, Number.MIN_SAFE_INTEGER)
  const to = time('to', query.to, Number.MAX_SAFE_INTEGER)
  if (from > to) throw bad(`\`from\` (${from}) is after \`to\` (${to}); give the start of the range first.`)
  const abandonAfter = query.abandonAfter === undefined ? 30 * 60 * 1000 : query.abandonAfter
  if (!Number.isSafeInteger(abandonAfter) || abandonAfter < 0) {
    throw bad(`\`abandonAfter\` must be a duration in milliseconds (a whole number, 0 or more); got ${String(abandonAfter).slice(0, 40)}.`)
  }
  return {
    workflow: query.workflow,
    version: version === undefined ? null : String(version),
    from,
    to,
    abandonAfter,
    topFields: count('topFields', query.topFields, 5, 100),
    topPaths: count('topPaths', query.topPaths, 10, 1000),
    now: time('now', query.now, Date.now()),
  }
}
