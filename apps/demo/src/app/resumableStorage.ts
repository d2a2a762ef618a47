import type { PersistedSnapshot, Workflow } from '@flowkit/core'
import { type StateStorage, webStorage } from '@flowkit/core/persist'
import { type HttpStorage, httpStorage, type SaveStatus, type SubmitResult } from '@flowkit/server/client'

/** Where the demo's Flowkit server answers (proxied by Vite to `@flowkit/server`). */
export const FLOWKIT_API = '/api/flowkit'

export interface ResumableStorage extends StateStorage {
  /** The server copy's status, for the badge (a new object on every change, for `useSyncExternalStore`). */
  getStatus(): SaveStatus
  subscribe(listener: () => void): () => void
  /** Why the resume token was refused (`NOT_FOUND`, `EXPIRED`, …) when the page opened, or `null`. */
  getLinkProblem(): { readonly code: string; readonly message: string } | null
  /** Sends the pending change now; resolves when the server has it (never while offline: it keeps retrying). */
  flush(): Promise<void>
  /** Asks the server to verify `snapshot` by replay; one submission per instance (StrictMode-safe). */
  submit(snapshot: PersistedSnapshot): Promise<SubmitResult>
  /** The server's stored result of an instance submitted earlier (after a reload on the confirmation page). */
  loadSubmitted(): Promise<SubmitResult>
  attach(workflow: Pick<Workflow<any, any>, 'store'>): () => void
  /** "Start over": deletes the unsubmitted server copy, forgets the token and starts a new instance on the next save. */
  restart(): void
  /** The "save and continue later" link for `token`. */
  linkFor(token: string): string
}

interface Options {
  /** Browser storage key of the token, so a reload continues the same server instance. */
  readonly tokenKey: string
  /** The `?resume=` parameter name. @default 'resume' */
  readonly param?: string
}

/**
 * Local first, server too: every change is written to local storage at once (reloads and offline work keep
 * working) and to a Flowkit server through `httpStorage` (debounced, retried), so a "continue later" link
 * resumes the flow on any device. A `?resume=<token>` link is adopted, remembered in this browser and taken
 * out of the address bar (it is a bearer secret).
 *
 * When the first save finds that the server copy changed while this page never loaded it (the page opened
 * offline), the newer copy wins; otherwise the server's copy wins and the badge says so (`conflict`).
 */
/** When a stored copy (zustand persist's `{ state: PersistedSnapshot }`) was saved; -1 when unreadable. */
const savedAt = (text: string): number => {
  try {
    const value = (JSON.parse(text) as { state?: { savedAt?: unknown } } | null)?.state?.savedAt
    return typeof value === 'number' ? value : -1
  } catch {
    return -1
  }
}

export function resumableStorage({ tokenKey, param = 'resume' }: Options): ResumableStorage {
  const local = webStorage()
  const remember = (token: string | null) => {
    try {
      if (token === null) localStorage.removeItem(tokenKey)
      else localStorage.setItem(tokenKey, token)
    } catch {}
  }
  let previousToken: string | null = null
  try {
    previousToken = localStorage.getItem(tokenKey)
  } catch {}
  const url = new URL(window.location.href)
  const linked = url.searchParams.get(param)
  if (linked !== null) {
    remember(linked)
    url.searchParams.delete(param)
    window.history.replaceState(window.history.state, '', url)
  }
  let recalled: string | null = null
  try {
    recalled = localStorage.getItem(tokenKey)
  } catch {}

  const listeners = new Set<() => void>()
  const notify = () => {
    for (const listener of listeners) listener()
  }
  const workflows = new Set<Pick<Workflow<any, any>, 'store'>>()
  let linkProblem: { readonly code: string; readonly message: string } | null = null
  let loadedFromServer = false
  let hadLocalCopy = false
  let submitting: Promise<SubmitResult> | null = null
  const detachers = new Map<Pick<Workflow<any, any>, 'store'>, () => void>()
  let unsubscribe = () => {}

  const connect = (token: string | null): HttpStorage => {
    const next = httpStorage(FLOWKIT_API, {
      token,
      onToken: remember,
      onConflict: ({ local: mine, remote }) => (!loadedFromServer && hadLocalCopy && mine.savedAt > remote.savedAt ? 'local' : 'remote'),
    })
    unsubscribe = next.subscribe(notify)
    for (const workflow of workflows) detachers.set(workflow, next.attach(workflow))
    return next
  }
  let server = connect(linked ?? recalled)
  const replaceServer = () => {
    unsubscribe()
    for (const detach of detachers.values()) detach()
    server = connect(null)
    submitting = null
    loadedFromServer = false
    notify()
  }

  return {
    async getItem(key) {
      const stored = local.getItem(key) as string | null
      hadLocalCopy = stored !== null
      if (server.getStatus().token === null) return stored
      let remote: string | null
      try {
        remote = await server.getItem(key)
      } catch {
        return stored // offline: the badge says so, the flow goes on from this browser's copy
      }
      if (remote === null) {
        linkProblem = server.getStatus().error ?? { code: 'NOT_FOUND', message: 'the saved flow was not found.' }
        remember(null)
        replaceServer()
        return stored
      }
      const opening = !loadedFromServer
      loadedFromServer = true
      // When the page opens, a reload may have come before the debounced save reached the server: this
      // browser's copy of the same instance is then newer. Keep it and send it, so no completed step is lost.
      // (Later loads are conflict resolution: the server's copy wins.)
      const sameInstance = linked === null || linked === previousToken
      if (opening && stored !== null && sameInstance && savedAt(stored) > savedAt(remote)) {
        void server.setItem(key, stored)
        return stored
      }
      local.setItem(key, remote)
      return remote
    },
    setItem(key, value) {
      local.setItem(key, value)
      return server.setItem(key, value)
    },
    async removeItem(key) {
      local.removeItem(key)
      await server.removeItem(key)
      remember(null)
    },
    getStatus: () => server.getStatus(),
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    getLinkProblem: () => linkProblem,
    flush: () => server.flush(),
    submit(snapshot) {
      submitting ??= server.submit(snapshot).then((result) => {
        if (!result.ok) submitting = null // a refusal or a network failure may be retried
        return result
      })
      return submitting
    },
    async loadSubmitted() {
      const token = server.getStatus().token
      if (token === null) return { ok: false, error: { code: 'NOT_SAVED', message: 'this flow was never saved to the server.' } }
      try {
        const response = await fetch(`${FLOWKIT_API}/instances/${encodeURIComponent(token)}`)
        const body = (await response.json()) as { version: number; result: Record<string, unknown> | null; error?: SubmitResult }
        if (response.ok && body.result) return { ok: true, result: body.result, version: body.version }
        return { ok: false, error: { code: `HTTP_${response.status}`, message: 'the server has no result for this flow.' } }
      } catch (error) {
        return { ok: false, error: { code: 'NETWORK', message: error instanceof Error ? error.message : String(error) } }
      }
    },
    attach(workflow) {
      workflows.add(workflow)
      detachers.set(workflow, server.attach(workflow))
      return () => {
        workflows.delete(workflow)
        detachers.get(workflow)?.()
        detachers.delete(workflow)
      }
    },
    restart() {
      const previous = server
      const { token, submitted } = previous.getStatus()
      remember(null)
      linkProblem = null
      replaceServer()
      // The abandoned draft is deleted from the server; a submitted enrollment stays on record.
      if (token !== null && !submitted) void Promise.resolve(previous.removeItem('')).finally(() => previous.destroy())
      else previous.destroy()
    },
    linkFor: (token) => {
      const link = new URL(window.location.href)
      link.search = ''
      link.hash = ''
      link.searchParams.set(param, token)
      return link.href
    },
  }
}
