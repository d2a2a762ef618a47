/** One history entry this flow wrote: the step it names and the key it was written with (null when the adapter keeps none). */
export interface HistoryEntry {
  readonly step: string
  readonly key: string | null
}

/** What is kept across a reload: the entries and where the browser is among them. */
export interface SavedEntries {
  readonly entries: readonly HistoryEntry[]
  readonly at: number
}

/** Where the entries survive a reload: the tab's `sessionStorage`, which lives exactly as long as the tab's history. */
export interface EntriesStore {
  load(): SavedEntries | null
  save(saved: SavedEntries): void
}

/**
 * The history entries this flow wrote in this tab, and where the browser is among them, so that the
 * flow's own Back can move the browser back (`go(-n)`) instead of stacking a new entry, also after a reload.
 */
export interface HistoryEntries {
  /** Records a new entry after the current one (dropping the forward ones, as browsers do). */
  push(entry: HistoryEntry): void
  /** How far back `step` is on the entries (1 = the previous one), or 0 when it is not there. */
  distanceBack(step: string): number
  /** How far forward `step` is on the entries (1 = the next one), or 0 when it is not there. */
  distanceForward(step: string): number
  /** How far forward the entry written with `key` is (1 = the next one), or 0 when it is not ahead (or `key` is null). */
  aheadByKey(key: string | null): number
  /** Moves the position by `delta` entries. */
  move(delta: number): void
  /** The current entry now stands for `entry`. */
  replace(entry: HistoryEntry): void
  /** Follows a location change made by the user (back, forward, or a jump): found by key, else by step next to the current one; anything else starts over. */
  follow(entry: HistoryEntry): void
}

/**
 * Starts at `current`. With a `store`, resumes the entries saved before a reload when the current
 * location carries the key of one of them; a location it does not know starts a new list.
 */
export const historyEntries = (current: HistoryEntry, store?: EntriesStore): HistoryEntries => {
  const saved = current.key === null ? null : store?.load()
  const found = saved?.entries.findIndex((e) => e.key === current.key && e.step === current.step) ?? -1
  let entries: HistoryEntry[] = saved && found >= 0 ? [...saved.entries] : [current]
  let at = Math.max(found, 0)
  const save = () => store?.save({ entries, at })
  return {
    push(entry) {
      entries = [...entries.slice(0, at + 1), entry]
      at = entries.length - 1
      save()
    },
    distanceBack(step) {
      const index = entries.findLastIndex((e, i) => i < at && e.step === step)
      return index < 0 ? 0 : at - index
    },
    aheadByKey(key) {
      const index = key === null ? -1 : entries.findIndex((e) => e.key === key)
      return index > at ? index - at : 0
    },
    distanceForward(step) {
      const index = entries.findIndex((e, i) => i > at && e.step === step)
      return index < 0 ? 0 : index - at
    },
    replace(entry) {
      entries[at] = entry
      save()
    },
    move(delta) {
      at = Math.min(Math.max(at + delta, 0), entries.length - 1)
      save()
    },
    follow(entry) {
      const byKey = entry.key === null ? -1 : entries.findIndex((e) => e.key === entry.key)
      if (byKey >= 0) at = byKey
      else if (entries[at - 1]?.step === entry.step) at--
      else if (entries[at + 1]?.step === entry.step) at++
      else if (entries[at]?.step !== entry.step) {
        entries = [entry]
        at = 0
      }
      save()
    },
  }
}

/** The tab's `sessionStorage` under `key`, or no store where there is none (SSR, storage disabled). Bad or foreign data reads as nothing saved. */
export const sessionEntries = (key: string): EntriesStore | undefined => {
  let storage: Storage
  try {
    storage = window.sessionStorage
  } catch {
    return undefined
  }
  return {
    load() {
      try {
        const value: unknown = JSON.parse(storage.getItem(key) ?? 'null')
        if (!isSaved(value)) return null
        return value
      } catch {
        return null
      }
    },
    save(saved) {
      try {
        storage.setItem(key, JSON.stringify(saved))
      } catch {
        // Storage full or denied: the flow's Back then adds entries after a reload, as it did before.
      }
    },
  }
}

const isSaved = (value: unknown): value is SavedEntries => {
  if (typeof value !== 'object' || value === null) return false
  const { entries, at } = value as Partial<SavedEntries>
  return (
    Array.isArray(entries) &&
    Number.isInteger(at) &&
    entries.every((e) => typeof e?.step === 'string' && (typeof e.key === 'string' || e.key === null))
  )
}
