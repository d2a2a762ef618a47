import type { PersistedSnapshot, Workflow } from '@flowkit/core'
import type { StateStorage } from '@flowkit/core/persist'
import { LocalFirstSync } from './localFirstSync'
import type { SubmitResult, SyncStatus } from './types'

export interface LocalFirstStorageOptions {
  /** The Flowkit server's API (`createFlowkitHandler`'s base path), e.g. `'/api/flowkit'`. Without it the flow stays in this browser; its tabs still sync. */
  readonly url?: string
  /** A resume token to continue (from a `?resume=` link). When it differs from the one this browser remembers, this browser's copy of the other flow is replaced. */
  readonly token?: string | null
  /** Called once the server issued a token for a new flow. */
  readonly onToken?: (token: string) => void
  /** Milliseconds to wait after a change before saving to the server; changes in between are sent as one. @default 400 */
  readonly debounce?: number
  /** First retry delay after a network failure or 5xx, in ms; doubles up to 30 s, and goes now when the browser is back online. @default 500 */
  readonly retryDelay?: number
  /** Extra headers for every request, e.g. a CSRF token or `authorization`. */
  readonly headers?: Record<string, string> | (() => Record<string, string>)
  /** @default globalThis.fetch */
  readonly fetch?: typeof fetch
  /** This browser's storage, shared by its tabs. @default () => localStorage */
  readonly local?: () => Storage
  /** The `BroadcastChannel` the tabs of one origin tell each other about changes on. @default 'flowkit-sync' */
  readonly channel?: string
}

/** A `StateStorage` that keeps a flow in this browser first and syncs it with a Flowkit server and the other tabs. */
export interface LocalFirstStorage extends StateStorage {
  getStatus(): SyncStatus
  /** Called on every status change; returns the unsubscribe function (fits `useSyncExternalStore`). */
  subscribe(listener: (status: SyncStatus) => void): () => void
  /** Sends the pending change now; resolves when the server has it or refused it (while offline it keeps retrying). */
  flush(): Promise<void>
  /** Saves, then asks the server to verify and accept the finished flow. Concurrent calls share one submission. */
  submit(snapshot?: PersistedSnapshot): Promise<SubmitResult>
  /** The result the server recorded for this flow's submission. */
  result(): Promise<SubmitResult>
  /**
   * Rehydrates `workflow` when another tab or device changed the flow, and listens to the other tabs meanwhile; notices name
   * steps by their titles in `workflow.definition`. Returns the detach function.
   */
  attach(workflow: Pick<Workflow<any, any>, 'store'> & Partial<Pick<Workflow<any, any>, 'definition'>>): () => void
  /** Clears `status.notice` (the UI showed it). */
  dismissNotice(): void
  /** Stops timers, retries and listening to other tabs. */
  destroy(): void
}

/**
 * Local-first storage for `persist()`: every change is written to this browser's storage at once (reloads and
 * offline work lose nothing), shown to the other tabs of the flow, and sent to a Flowkit server (debounced,
 * retried) so a resume link continues it on any device. Conflicts are decided by the server version a change
 * was made on, never by clocks (see `mergeSnapshots`): a copy based on an older version is merged with the
 * newer one when they changed different steps, else the newer one is kept; `status.notice` says which.
 * @example
 * const storage = localFirstStorage({ url: '/api/flowkit', token: new URLSearchParams(location.search).get('resume') })
 * const flow = createWorkflow(enrollment, { persist: persist({ key: 'enrollment', storage }) })
 * storage.attach(flow)
 * storage.subscribe((status) => (badge.textContent = status.notice?.message ?? status.state))
 */
export function localFirstStorage(options: LocalFirstStorageOptions = {}): LocalFirstStorage {
  const sync = new LocalFirstSync(options)
  return {
    getItem: (name) => sync.getItem(name),
    setItem: (name, value) => sync.setItem(name, value),
    removeItem: (name) => sync.removeItem(name),
    getStatus: () => sync.status,
    subscribe: (listener) => sync.subscribe(listener),
    flush: sync.flush,
    submit: (snapshot) => sync.submit(snapshot),
    result: () => sync.result(),
    attach: (workflow) => sync.attach(workflow),
    dismissNotice: () => sync.dismissNotice(),
    destroy: () => sync.destroy(),
  }
}
