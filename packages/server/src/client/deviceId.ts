const KEY = 'flowkit:device'
let memory: string | null = null

// randomUUID needs a secure context (https, localhost): elsewhere a time and random part will do.
const random = (): string => globalThis.crypto?.randomUUID?.() ?? `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`

/**
 * A random id for this browser, kept in `localStorage` (`flowkit:device`), that the client sends as
 * `x-flowkit-device` so the server's journey insights can tell a resume on another device (it keeps only a short
 * hash of it). Never derived from the user or the machine. Without `localStorage` (private mode, a server) it lasts
 * as long as the page.
 */
export const deviceId = (): string => {
  try {
    const storage = globalThis.localStorage
    const kept = storage?.getItem(KEY)
    if (kept) return kept
    if (storage) {
      const id = random()
      storage.setItem(KEY, id)
      return id
    }
  } catch {
    // Storage refused (private mode, a quota): the page keeps an id of its own below.
  }
  memory ??= random()
  return memory
}
