/** Tells the other tabs of this browser that a flow's record changed (with its new text, `null` when removed), and hears them. */
export interface TabChannel {
  post(key: string, text: string | null): void
  close(): void
}

/**
 * A `BroadcastChannel` named `name` where there is one (every current browser, Node); else the `storage`
 * event of `window`, which web storage fires in the other tabs by itself. The message carries the record's text:
 * a browser's other tabs may read the old value from web storage for a moment after the message arrives.
 */
export const openTabChannel = (name: string, listener: (key: string, text: string | null) => void): TabChannel => {
  if (typeof BroadcastChannel === 'function') {
    const channel = new BroadcastChannel(name)
    channel.onmessage = (event: MessageEvent<{ key?: unknown; text?: unknown }>) => {
      const { key, text } = event.data ?? {}
      if (typeof key === 'string' && (typeof text === 'string' || text === null)) listener(key, text)
    }
    return { post: (key, text) => channel.postMessage({ key, text }), close: () => channel.close() }
  }
  const onStorage = (event: StorageEvent) => {
    if (event.key !== null) listener(event.key, event.newValue)
  }
  globalThis.addEventListener?.('storage', onStorage)
  return { post: () => {}, close: () => globalThis.removeEventListener?.('storage', onStorage) }
}

/** Runs `task` holding the Web Lock `name` where locks exist, so one tab at a time talks to the server about a flow. */
export const withLock = <T>(name: string, task: () => Promise<T>): Promise<T> => {
  const locks = (globalThis.navigator as Navigator | undefined)?.locks
  return locks ? (locks.request(name, task) as Promise<T>) : task()
}
