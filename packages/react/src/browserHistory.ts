/**
 * Where `useWorkflowHistory` keeps the step: the browser's URL, or a router. Three small functions,
 * so a router binding is a few lines (`@flowkit/react/react-router`, `/tanstack-router` and `/next` ship them).
 */
export interface HistoryAdapter {
  /** The step the current location names, or null when it names none. */
  read(): string | null
  /**
   * Puts `step` in the location, as a new history entry (`'push'`) or in place of the current one (`'replace'`).
   * `key` names the new entry: keep it in the entry's state (`history.state`) and return it from `key()`.
   */
  write(step: string, mode: 'push' | 'replace', key: string): void
  /** Calls `listener` when the user moves through history (back/forward buttons). Returns the unsubscribe function. */
  listen(listener: () => void): () => void
  /**
   * Moves through existing entries, like `history.go(delta)`. With it, the flow's own Back returns to the
   * browser entry it came from instead of adding one, so the browser's Back button keeps making sense.
   * @default undefined (every step change adds an entry)
   */
  go?(delta: number): void
  /**
   * The key the current entry was written with (see `write`), or null. With it, the flow's own Back keeps
   * returning to earlier entries after a reload, instead of adding new ones.
   * @default undefined (after a reload, the flow's own Back adds entries)
   */
  key?(): string | null
}

export interface BrowserHistoryOptions {
  /** The query parameter holding the step id. @default 'step' */
  readonly param?: string
}

/** Where an entry's key lives in `history.state`, beside whatever the page or its router keeps there. */
export const ENTRY_KEY = '__flowkit'

/** The entry key kept in a history state object, if any. */
export const keyOf = (state: unknown): string | null => {
  const key = typeof state === 'object' && state !== null ? (state as Record<string, unknown>)[ENTRY_KEY] : null
  return typeof key === 'string' ? key : null
}

/** `href` with `param` set to `step`, everything else (path, other parameters, hash) kept. */
export const withStep = (href: string, param: string, step: string): URL => {
  const url = new URL(href)
  url.searchParams.set(param, step)
  return url
}

/**
 * The browser's history, with the step in a query parameter (`?step=payment`). No router needed.
 * Safe to create during SSR: `window` is only read when used.
 * @example
 * useWorkflowHistory(workflow, { adapter: browserHistory({ param: 'page' }) })
 */
export const browserHistory = ({ param = 'step' }: BrowserHistoryOptions = {}): HistoryAdapter => ({
  read: () => new URL(window.location.href).searchParams.get(param),
  write: (step, mode, key) => {
    const state = { ...window.history.state, [ENTRY_KEY]: key }
    window.history[mode === 'push' ? 'pushState' : 'replaceState'](state, '', withStep(window.location.href, param, step))
  },
  listen: (listener) => {
    window.addEventListener('popstate', listener)
    return () => window.removeEventListener('popstate', listener)
  },
  go: (delta) => window.history.go(delta),
  key: () => keyOf(window.history.state),
})
