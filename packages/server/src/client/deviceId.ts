const KEY = 'flowkit:device'
let memory: string | null = null

const random = () =>
  typeof crypto !== 'undefined' && typeof crypto.randomUUID === 'function'
    ? crypto.randomUUID()
    : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`

/**
 * A random id for this browser, kept in `localStorage` (`flowkit:device`), that the client sends as
 * `x-flowkit-device` so the server's journey insights can tell a resume on another device (it keeps only a short
 * hash of it). Never derived from the user or the machine. Without `localStorage` (private mode, a server) it lasts
 * as long as the page.
 */
export const deviceId = (): string => {
  try {
    const storage = globalThis.localStorage
    if (!storage) {
      memory ??= random()
      return memory
    }
    const kept = storage.getItem(KEY)
    if (kept) return kept
    const id = random()
    storage.setItem(KEY, id)
    return id
  } catch {
    memory ??= random()
    return memory
  }
}
