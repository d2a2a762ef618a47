import type { PersistedSnapshot } from '../types'

/** The storage version of what `persist()` writes (zustand's persist envelope `{ state, version }`). */
export const PERSIST_VERSION = 0

/**
 * The text `persist()` writes for `snapshot` (`{ state, version }`), for code that writes a flow's storage key itself,
 * such as a sync layer putting the server's copy where `persist()` reads it back.
 * @example
 * localStorage.setItem('checkout', toPersistEnvelope(getPersistedSnapshot(flow)))
 */
export const toPersistEnvelope = (snapshot: PersistedSnapshot): string => JSON.stringify({ state: snapshot, version: PERSIST_VERSION })

/**
 * The persisted snapshot in text `persist()` wrote, or `null` when there is none or it is not one (not JSON, no path of
 * frames). Only the shape is looked at: `replay` (which `persist()` runs on restore) checks the rest.
 */
export const fromPersistEnvelope = (text: string | null): PersistedSnapshot | null => {
  if (text === null) return null
  try {
    const state = (JSON.parse(text) as { state?: unknown } | null)?.state
    return typeof state === 'object' && state !== null && Array.isArray((state as PersistedSnapshot).path)
      ? (state as PersistedSnapshot)
      : null
  } catch {
    return null
  }
}
