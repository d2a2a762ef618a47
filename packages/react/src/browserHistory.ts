/**
 * Where `useWorkflowHistory` keeps the step: the browser's URL, or a router. Three small functions,
 * so a React Router or TanStack Router binding is a few lines.
 */
export interface HistoryAdapter {
  /** The step the current location names, or null when it names none. */
  read(): string | null
  /** Puts `step` in the location, as a new history entry (`'push'`) or in place of the current one (`'replace'`). */
  write(step: string, mode: 'push' | 'replace'): void
  /** Calls `listener` when the user moves through history (back/forward buttons). Returns the unsubscribe function. */
  listen(listener: () => void): () => void
  /**
   * Moves through existing entries, like `history.go(delta)`. With it, the flow's own Back returns to the
   * browser entry it came from instead of adding one, so the browser's Back button keeps making sense.
   * @default undefined (every step change adds an entry)
   */
  go?(delta: number): void
}

export interface BrowserHistoryOptions {
  /** The query parameter holding the step id. @default 'step' */
  readonly param?: string
}

/**
 * The browser's history, with the step in a query parameter (`?step=payment`). No router needed.
 * Safe to create during SSR: `window` is only read when used.
 * @example
 * useWorkflowHistory(workflow, { adapter: browserHistory({ param: 'page' }) })
 */
export const browserHistory = ({ param = 'step' }: BrowserHistoryOptions = {}): HistoryAdapter => ({
  read: () => new URL(window.location.href).searchParams.get(param),
  write: (step, mode) => {
    const url = new URL(window.location.href)
    url.searchParams.set(param, step)
    window.history[mode === 'push' ? 'pushState' : 'replaceState'](window.history.state, '', url)
  },
  listen: (listener) => {
    window.addEventListener('popstate', listener)
    return () => window.removeEventListener('popstate', listener)
  },
  go: (delta) => window.history.go(delta),
})
