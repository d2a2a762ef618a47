import { refusal } from './http/errors'
import type { InstanceStore } from './types'

/**
 * The store, with its failures (database down or restarting, pool exhausted, SQLite busy or locked) turned into
 * 503 `STORAGE_UNAVAILABLE` with `Retry-After: retryAfter` seconds, which clients retry. Nothing is cached: the next
 * request after the database is back goes straight to it.
 */
export const guardedStore = (store: InstanceStore, onError: ((error: unknown) => void) | undefined, retryAfter: number): InstanceStore => {
  const fail = (cause: unknown): never => {
    onError?.(cause)
    throw refusal('STORAGE_UNAVAILABLE', 'the server could not reach its storage; nothing was changed, try again shortly.', {
      cause,
      details: { retryAfter },
    })
  }
  // One promise per call (no async frame around the store's own): a save goes through here once or twice.
  const wrap =
    <A extends unknown[], R>(method: (...args: A) => Promise<R>) =>
    (...args: A): Promise<R> => {
      try {
        return method(...args).then(undefined, fail)
      } catch (cause) {
        return Promise.reject(cause).then(undefined, fail)
      }
    }
  return {
    init: wrap(() => store.init()),
    insert: wrap((record, journey) => store.insert(record, journey)),
    get: wrap((hash) => store.get(hash)),
    update: wrap((hash, update) => store.update(hash, update)),
    claim: wrap((hash, request) => store.claim(hash, request)),
    reclaim: wrap((hash, request) => store.reclaim(hash, request)),
    finish: wrap((hash, request) => store.finish(hash, request)),
    release: wrap((hash, claim) => store.release(hash, claim)),
    remove: wrap((hash, statuses) => store.remove(hash, statuses)),
    removeExpired: wrap((now) => store.removeExpired(now)),
    close: () => store.close(),
    ...(store.insights && {
      insights: {
        retain: store.insights.retain,
        aggregate: wrap((query) => (store.insights as NonNullable<InstanceStore['insights']>).aggregate(query)),
        refresh: wrap(() => (store.insights as NonNullable<InstanceStore['insights']>).refresh()),
        prune: wrap((before) => (store.insights as NonNullable<InstanceStore['insights']>).prune(before)),
      },
    }),
  }
}
