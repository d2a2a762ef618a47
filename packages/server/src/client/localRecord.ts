import type { PersistedSnapshot } from '@flowkit/core'
import { fromPersistEnvelope, toPersistEnvelope } from '@flowkit/core/persist'

/**
 * What this browser keeps for one flow, under the persist key in web storage, shared by its tabs.
 * `base` is the server's copy at `version`: the copy `value` was changed from, needed for a three-way merge.
 */
export interface LocalRecord {
  readonly format: 'flowkit-sync/1'
  /** Bumped on every write by any tab. */
  readonly rev: number
  /** The persist envelope (`{ state, version }` as JSON), exactly as `persist()` wrote it. */
  readonly value: string | null
  readonly token: string | null
  /** The server version `value` was based on, or `null` before the server has the flow. */
  readonly version: number | null
  readonly base: PersistedSnapshot | null
  /** `value` has changes the server does not have yet. */
  readonly dirty: boolean
  readonly submitted: boolean
  readonly result: Readonly<Record<string, unknown>> | null
}

export const EMPTY: LocalRecord = {
  format: 'flowkit-sync/1',
  rev: 0,
  value: null,
  token: null,
  version: null,
  base: null,
  dirty: false,
  submitted: false,
  result: null,
}

/** The persisted snapshot inside a persist envelope, or `null` when there is none or it is unreadable. */
export const snapshotOf = fromPersistEnvelope

/** The persist envelope `persist()` reads back. */
export const envelopeOf = toPersistEnvelope

/**
 * Reads the record in `text`. Anything else (a plain persist envelope saved before sync or by `webStorage`, or
 * damaged text) is handed to `persist()` as it is, which restores it or reports why not (`INVALID_SNAPSHOT`).
 */
export const parseRecord = (text: string | null): LocalRecord => {
  if (text === null) return EMPTY
  try {
    const parsed = JSON.parse(text) as Partial<LocalRecord> | null
    if (parsed?.format === 'flowkit-sync/1') return { ...EMPTY, ...parsed }
  } catch {}
  return { ...EMPTY, value: text, dirty: true }
}

/** The record's web storage: reads and writes never throw (private mode, quota); a failed write says so. */
export const recordStore = (local: () => Storage | undefined) => {
  const storage = () => {
    try {
      return local()
    } catch {
      return undefined
    }
  }
  return {
    text: (key: string): string | null => {
      try {
        return storage()?.getItem(key) ?? null
      } catch {
        return null
      }
    },
    /** Writes `record` with the next revision and returns its text. Throws when web storage refuses (quota). */
    write: (key: string, record: Omit<LocalRecord, 'rev' | 'format'>, rev: number): string => {
      const text = JSON.stringify({ ...record, format: 'flowkit-sync/1', rev: rev + 1 })
      storage()?.setItem(key, text)
      return text
    },
    remove: (key: string) => {
      try {
        storage()?.removeItem(key)
      } catch {}
    },
  }
}
