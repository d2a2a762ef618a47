import { WorkflowError } from '@flowkit/core'
import type { InstanceStore } from '../types'
import { assembleInsights } from './assembleInsights'
import { resolveQuery } from './resolveQuery'
import type { FlowInsights, InsightsQuery } from './types'

const sourceOf = (store: InstanceStore) => {
  if (!store.insights) {
    throw new WorkflowError(
      'INVALID_OPTION',
      'this store keeps no journeys; use sqliteStore() from @flowkit/server/sqlite or postgresStore() from @flowkit/server/postgres.',
      { category: 'usage' },
    )
  }
  return store.insights
}

/**
 * Where the journeys of one flow went, aggregated in the database (SQL in SQLite and PostgreSQL, one query): per
 * step reached, completed, abandoned, back-tracks, median and p90 time on the step, the fields whose issues blocked
 * it; the moves between steps, the most frequent paths and the completion rate. Journeys count when they started in
 * `[from, to)`. A journey is abandoned when it is neither done nor submitted and nothing happened in it for more than
 * `abandonAfter` before `now`; it is abandoned at the step it was on. Percentiles are nearest-rank.
 * @example
 * const insights = await queryInsights(store, { workflow: 'enrollment', from: Date.now() - 7 * 86_400_000 })
 * console.log(insights.journeys.completionRate)
 */
export async function queryInsights(store: InstanceStore, query: InsightsQuery): Promise<FlowInsights> {
  const resolved = resolveQuery(query)
  const rows = await sourceOf(store).aggregate(resolved)
  return assembleInsights(query, resolved, rows)
}

/**
 * Deletes journey events older than `before` (ms since the epoch) and returns how many; `removeExpired(now)` does
 * it too, with the store's `insights.retain`.
 * @example
 * await pruneInsights(store, Date.now() - 30 * 86_400_000)
 */
export async function pruneInsights(store: InstanceStore, before: number): Promise<number> {
  if (!Number.isSafeInteger(before)) {
    throw new WorkflowError(
      'INVALID_OPTION',
      `pruneInsights: \`before\` must be a time in ms since the epoch; got ${String(before).slice(0, 40)}.`,
      {
        category: 'usage',
      },
    )
  }
  return sourceOf(store).prune(before)
}

/**
 * Folds the journey events written since the last refresh into the store's rollups (the counters `queryInsights`
 * reads) and returns how many were read. `queryInsights` refreshes first anyway; running this on an interval keeps
 * that cheap however rarely anyone looks.
 * @example
 * setInterval(() => refreshInsights(store).catch(console.error), 60_000).unref()
 */
export async function refreshInsights(store: InstanceStore): Promise<number> {
  return sourceOf(store).refresh()
}
