import { ENTRY_KEY, type HistoryAdapter, keyOf } from '../browserHistory'
import type { HistoryEntry } from '../historyEntries'

/** How one router reads and writes its location: what each binding supplies. */
export interface RouterAccess<L> {
  /** The router's current location, read live. */
  readonly location: () => L
  /** The step a location names, or null. */
  readonly step: (location: L) => string | null
  /** The state object of a location's history entry, where the entry key is kept. */
  readonly state: (location: L) => unknown
  /** Navigates to the location with the step set, pushing or replacing, with `key` in the entry's state. */
  readonly navigate: (location: L, step: string, mode: 'push' | 'replace', key: string) => void
  /** Moves through existing entries. */
  readonly go: (delta: number) => void
}

export interface RouterBinding {
  readonly adapter: HistoryAdapter
  /** The binding calls this whenever the router's location changed; listeners hear of it when the step differs. */
  readonly changed: () => void
}

/**
 * A `HistoryAdapter` over a router. Routers commit a navigation later than they are asked to (a render, a
 * microtask, a loader), so the step just written is what `read()` returns until the router shows it, and a
 * location change is reported only when it names another step than the one last seen or written.
 */
export const routerAdapter = <L>(access: RouterAccess<L>): RouterBinding => {
  let written: HistoryEntry | null = null
  let seen: { step: string | null } | null = null
  const listeners = new Set<() => void>()
  const current = () => access.step(access.location())
  return {
    adapter: {
      read: () => written?.step ?? current(),
      key: () => (written ? written.key : keyOf(access.state(access.location()))),
      write(step, mode, key) {
        written = { step, key }
        access.navigate(access.location(), step, mode, key)
      },
      listen(listener) {
        listeners.add(listener)
        return () => {
          listeners.delete(listener)
        }
      },
      go: (delta) => access.go(delta),
    },
    changed() {
      const before = written ? written.step : seen?.step
      const now = current()
      written = null
      seen = { step: now }
      if (before !== undefined && now !== before) for (const listener of [...listeners]) listener()
    },
  }
}

/** `state` as an object with the entry key added, whatever else the app or its router keeps there. */
export const withKey = (state: unknown, key: string): Record<string, unknown> => ({
  ...(typeof state === 'object' && state !== null ? state : {}),
  [ENTRY_KEY]: key,
})
