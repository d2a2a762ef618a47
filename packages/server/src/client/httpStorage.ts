import { type PersistedSnapshot, type Workflow, WorkflowError } from '@flowkit/core'
import { getPersistApi, type StateStorage } from '@flowkit/core/persist'
import { type Reply, request } from './request'
import { type Outcome, retryLoop } from './retryLoop'
import type { ConflictDetails, SaveStatus, SubmitResult } from './types'

export interface HttpStorageOptions {
  /** A resume token to continue (e.g. from a `?resume=` link). Without it the flow starts fresh and the server issues one on the first save. */
  readonly token?: string | null
  /** Called once the server issued a token, to keep it (localStorage, a link, an email). */
  readonly onToken?: (token: string) => void
  /** Milliseconds to wait after a change before saving; changes in between are sent as one. @default 400 */
  readonly debounce?: number
  /** First retry delay after a network failure or 5xx, in ms; doubles up to 30 s. Retries go on while changes are unsaved. @default 500 */
  readonly retryDelay?: number
  /**
   * Which copy wins when the server has a newer save (another tab or device). `'remote'` adopts the server's copy
   * (attached workflows rehydrate), `'local'` saves this one over it.
   * @default () => 'remote'
   */
  readonly onConflict?: (details: ConflictDetails) => 'local' | 'remote'
  /** Extra headers for every request, e.g. a CSRF token or `authorization`. */
  readonly headers?: Record<string, string> | (() => Record<string, string>)
  /** @default globalThis.fetch */
  readonly fetch?: typeof fetch
}

/** A `StateStorage` that saves a workflow to a Flowkit server, with a status to show. */
export interface HttpStorage extends StateStorage {
  getStatus(): SaveStatus
  /** Called on every status change; returns the unsubscribe function (fits `useSyncExternalStore`). */
  subscribe(listener: (status: SaveStatus) => void): () => void
  /** Sends the pending change now and resolves when the server has it (or refused it). */
  flush(): Promise<void>
  /** Saves, then asks the server to verify and accept the finished flow. */
  submit(snapshot?: PersistedSnapshot): Promise<SubmitResult>
  /** Rehydrates `workflow` when a conflict is resolved in favour of the server copy. Returns the detach function. */
  attach(workflow: Pick<Workflow<any, any>, 'store'>): () => void
  /** Stops timers and retries. */
  destroy(): void
}

interface Envelope {
  state: PersistedSnapshot
  version: number
}

/**
 * Storage for `persist()` that saves to a Flowkit server (`createFlowkitHandler`) with debouncing and retry,
 * reconciles saves from other tabs and devices (HTTP 409), and reports saving / saved / offline / conflict.
 * Use one per workflow instance.
 * @example
 * const storage = httpStorage('/api/flowkit', { token: new URLSearchParams(location.search).get('resume') })
 * const flow = createWorkflow(enrollment, { persist: persist({ key: 'enrollment', storage }) })
 * storage.subscribe((status) => badge.textContent = status.state)
 */
export function httpStorage(url: string, options: HttpStorageOptions = {}): HttpStorage {
  const base = url.replace(/\/+$/, '')
  const debounce = options.debounce ?? 400
  const firstDelay = options.retryDelay ?? 500
  const onConflict = options.onConflict ?? (() => 'remote' as const)
  let status: SaveStatus = { state: 'idle', token: options.token ?? null, version: null, submitted: false, error: null, savedAt: null }
  const listeners = new Set<(status: SaveStatus) => void>()
  const attached = new Set<Pick<Workflow<any, any>, 'store'>>()
  const set = (change: Partial<SaveStatus>) => {
    status = { ...status, ...change }
    for (const listener of listeners) listener(status)
  }
  const send = (method: string, path: string, body?: unknown) =>
    request(
      options.fetch ?? fetch,
      method,
      `${base}/instances${path}`,
      body,
      typeof options.headers === 'function' ? options.headers() : options.headers,
    )

  let pending: PersistedSnapshot | null = null
  let last: PersistedSnapshot | null = null

  const refused = (reply: Extract<Reply, { kind: 'refused' }>) => set({ state: 'error', error: reply.error })
  /** A failed reply: a refusal is final (`true`), no answer is retried (`false`). */
  const failed = (reply: Exclude<Reply, { kind: 'ok' }>): boolean => {
    if (reply.kind === 'refused') refused(reply)
    else set({ error: reply.error })
    return reply.kind === 'refused'
  }
  /** Sends one snapshot; `true` when it is settled (saved, or refused for good), `false` to retry later. */
  const save = async (snapshot: PersistedSnapshot): Promise<boolean> => {
    if (status.token === null) {
      const reply = await send('POST', '', { workflow: snapshot.workflow, snapshot })
      if (reply.kind === 'ok') {
        const token = reply.body.token as string
        set({ token, version: reply.body.version as number })
        options.onToken?.(token)
        return true
      }
      return failed(reply)
    }
    if (status.version === null) {
      // We never loaded this token (or the load failed): whatever the server has is "the other copy".
      const reply = await send('GET', `/${status.token}`)
      if (reply.kind !== 'ok') return failed(reply)
      return reconcile(snapshot, reply.body)
    }
    const reply = await send('PUT', `/${status.token}`, { baseVersion: status.version, snapshot })
    if (reply.kind === 'ok') {
      set({ version: reply.body.version as number })
      return true
    }
    if (reply.kind === 'refused' && reply.status === 409 && reply.body.current) {
      return reconcile(snapshot, reply.body.current as Record<string, unknown>)
    }
    return failed(reply)
  }
  const reconcile = async (local: PersistedSnapshot, current: Record<string, unknown>): Promise<boolean> => {
    const remoteVersion = current.version as number
    if (current.status === 'submitted') {
      set({
        state: 'conflict',
        version: remoteVersion,
        submitted: true,
        error: { code: 'ALREADY_SUBMITTED', message: 'this flow was already submitted.' },
      })
      return true
    }
    set({ version: remoteVersion })
    if (onConflict({ local, remote: current.snapshot as PersistedSnapshot, remoteVersion }) === 'local') return save(local)
    set({
      state: 'conflict',
      error: { code: 'VERSION_CONFLICT', message: 'the flow was saved on another tab or device; its copy was kept.' },
    })
    pending = null
    for (const workflow of attached) void getPersistApi(workflow)?.rehydrate()
    return true
  }

  /** Sends the pending snapshot; a failure keeps it pending (unless a newer change replaced it) and waits for a retry. */
  const step = async (): Promise<Outcome> => {
    const snapshot = pending
    if (!snapshot) return 'settled'
    pending = null
    set({ state: 'saving' })
    let settled: boolean
    try {
      settled = await save(snapshot)
    } catch (error) {
      settled = false
      set({ error: { code: 'NETWORK', message: error instanceof Error ? error.message : String(error) } })
    }
    if (!settled) {
      pending ??= snapshot
      set({ state: 'offline' })
      return 'retry'
    }
    if (status.state === 'saving') set({ state: 'saved', error: null, savedAt: Date.now() })
    return 'again'
  }
  const loop = retryLoop({ step, crashed: () => 'retry', debounce, retryDelay: firstDelay })
  const flush = (): Promise<void> => loop.flush()

  return {
    getItem: async () => {
      if (status.token === null) return null
      // Rehydrating after a conflict keeps the 'conflict' status up, so the UI can say what happened.
      const adopting = status.state === 'conflict'
      if (!adopting) set({ state: 'loading' })
      const reply = await send('GET', `/${status.token}`)
      if (reply.kind === 'ok') {
        const submitted = reply.body.status === 'submitted'
        set(
          adopting
            ? { version: reply.body.version as number, submitted }
            : { state: 'saved', version: reply.body.version as number, submitted, error: null },
        )
        const envelope: Envelope = { state: reply.body.snapshot as PersistedSnapshot, version: 0 }
        return JSON.stringify(envelope)
      }
      if (reply.kind === 'refused') {
        refused(reply)
        return null
      }
      set({ state: 'offline', error: reply.error })
      throw new WorkflowError('STORAGE_UNAVAILABLE', `could not load the saved flow: ${reply.error.message}`, { category: 'storage' })
    },
    setItem: (_key, value) => {
      if (status.submitted) return
      last = pending = (JSON.parse(value) as Envelope).state
      set({ state: 'saving' })
      loop.schedule()
    },
    removeItem: async () => {
      pending = null
      loop.cancel()
      await loop.flush() // a save under way ends first
      const token = status.token
      if (token !== null) await send('DELETE', `/${token}`)
      set({ state: 'idle', token: null, version: null, submitted: false, error: null, savedAt: null })
    },
    getStatus: () => status,
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    flush,
    async submit(snapshot) {
      if (snapshot) pending = last = snapshot
      await flush()
      if (status.token === null || status.version === null || !last) {
        return {
          ok: false,
          error: { code: 'NOT_SAVED', message: status.error?.message ?? 'nothing was saved yet; complete a step first.' },
        }
      }
      const reply = await send('POST', `/${status.token}/submit`, { baseVersion: status.version, snapshot: last })
      if (reply.kind === 'ok') {
        set({ state: 'saved', version: reply.body.version as number, submitted: true, error: null })
        return { ok: true, result: reply.body.result as Record<string, unknown>, version: reply.body.version as number }
      }
      if (reply.kind === 'refused') set({ error: reply.error })
      return { ok: false, error: reply.error }
    },
    attach(workflow) {
      attached.add(workflow)
      return () => attached.delete(workflow)
    },
    destroy() {
      loop.stop()
      listeners.clear()
    },
  }
}
