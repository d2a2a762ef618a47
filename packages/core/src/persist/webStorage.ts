import type { StateStorage } from './StateStorage'

/**
 * `localStorage` or `sessionStorage`, looked up only when used, so it is safe to create during SSR
 * (where there is none: reads find nothing, writes are dropped).
 * @example
 * persist({ key: 'checkout', storage: webStorage(() => sessionStorage) })
 */
export const webStorage = (getStorage: () => Storage = () => localStorage): StateStorage => {
  const storage = (): Storage | undefined => {
    try {
      return getStorage()
    } catch {
      return undefined
    }
  }
  return {
    getItem: (key) => storage()?.getItem(key) ?? null,
    setItem: (key, value) => storage()?.setItem(key, value),
    removeItem: (key) => storage()?.removeItem(key),
  }
}
