import type { StateStorage } from './StateStorage'

/** Storage in memory, for tests, SSR and as a fallback where web storage is unavailable. */
export const memoryStorage = (initial?: Iterable<readonly [string, string]>): StateStorage & { readonly size: number } => {
  const items = new Map<string, string>(initial)
  return {
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => {
      items.set(key, value)
    },
    removeItem: (key) => {
      items.delete(key)
    },
    get size() {
      return items.size
    },
  }
}
