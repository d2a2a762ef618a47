import { ServerError } from './http/ServerError'
import type { InstanceStore } from './types'

/** The store, with its failures (database down, pool exhausted) turned into 503s that clients retry. */
export const guardedStore = (store: InstanceStore, onError: ((error: unknown) => void) | undefined): InstanceStore => {
  const wrap =
    <A extends unknown[], R>(method: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      try {
        return await method(...args)
      } catch (cause) {
        onError?.(cause)
        throw new ServerError('STORAGE_UNAVAILABLE', 'the server could not reach its storage; nothing was changed, try again shortly.', {
          cause,
        })
      }
    }
  return {
    init: wrap(() => store.init()),
    insert: wrap((record) => store.insert(record)),
    get: wrap((hash) => store.get(hash)),
    update: wrap((hash, update) => store.update(hash, update)),
    remove: wrap((hash) => store.remove(hash)),
    removeExpired: wrap((now) => store.removeExpired(now)),
    close: () => store.close(),
  }
}
