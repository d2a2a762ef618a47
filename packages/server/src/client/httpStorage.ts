import { type PersistedSnapshot, type Workflow, WorkflowError } from '@flowkit/core'
import { getPersistApi, type StateStorage } from '@flowkit/core/persist'
import { clientError, networkError } from './clientError'
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
/** One storage's state, shared by the functions below. */
interface Http {
  status: SaveStatus
  /** The snapshot waiting to be sent, and the last one handed to `setItem` (what `submit` sends). */
  pending: PersistedSnapshot | null
  last: PersistedSnapshot | null
  readonly options: HttpStorageOptions
  readonly listeners: Set<(status: SaveStatus) => void>
  readonly attached: Set<Pick<Workflow<any, any>, 'store'>>
  readonly send: (method: string, path: string, body?: unknown) => Promise<Reply>
}

const set = (h: Http, change: Partial<SaveStatus>) => {
  h.status = { ...h.status, ...change }
  for (const listener of h.listeners) listener(h.status)
}

/** A failed reply: a refusal is final (`true`), no answer is retried (`false`). */
const failed = (h: Http, reply: Exclude<Reply, { kind: 'ok' }>): boolean => {
  set(h, reply.kind === 'refused' ? { state: 'error', error: reply.error } : { error: reply.error })
  return reply.kind === 'refused'
}

/** Sends one snapshot; `true` when it is settled (saved, or refused for good), `false` to retry later. */
const save = async (h: Http, snapshot: PersistedSnapshot): Promise<boolean> => {
  const { token, version } = h.status
  if (token === null) {
    const reply = await h.send('POST', '', { workflow: snapshot.workflow, snapshot })
    if (reply.kind !== 'ok') return failed(h, reply)
    set(h, { token: reply.body.token as string, version: reply.body.version as number })
    h.options.onToken?.(reply.body.token as string)
    return true
  }
  if (version === null) {
    // Never loaded this token (or the load failed): whatever the server has is "the other copy".
    const reply = await h.send('GET', `/${token}`)
    return reply.kind === 'ok' ? reconcile(h, snapshot, reply.body) : failed(h, reply)
  }
  const reply = await h.send('PUT', `/${token}`, { baseVersion: version, snapshot })
  if (reply.kind === 'ok') {
    set(h, { version: reply.body.version as number })
    return true
  }
  if (reply.kind === 'refused' && reply.status === 409 && reply.body.current) {
    return reconcile(h, snapshot, reply.body.current as Record<string, unknown>)
  }
  return failed(h, reply)
}

/** The server has another copy: a submitted one wins; otherwise `onConflict` picks (the server's by default). */
const reconcile = async (h: Http, local: PersistedSnapshot, current: Record<string, unknown>): Promise<boolean> => {
  const remoteVersion = current.version as number
  if (current.status === 'submitted') {
    const error = clientError('ALREADY_SUBMITTED', 'this flow was already submitted.')
    set(h, { state: 'conflict', version: remoteVersion, submitted: true, error })
    return true
  }
  set(h, { version: remoteVersion })
  // Without `onConflict` the server's copy wins.
  if (h.options.onConflict?.({ local, remote: current.snapshot as PersistedSnapshot, remoteVersion }) === 'local') return save(h, local)
  const error = clientError('VERSION_CONFLICT', 'the flow was saved on another tab or device; its copy was kept.')
  set(h, { state: 'conflict', error })
  h.pending = null
  for (const workflow of h.attached) void getPersistApi(workflow)?.rehydrate()
  return true
}

/** Sends the pending snapshot; a failure keeps it pending (unless a newer change replaced it) and waits for a retry. */
const step = async (h: Http): Promise<Outcome> => {
  const snapshot = h.pending
  if (!snapshot) return 'settled'
  h.pending = null
  set(h, { state: 'saving' })
  let settled: boolean
  try {
    settled = await save(h, snapshot)
  } catch (error) {
    settled = false
    set(h, { error: networkError(error) })
  }
  if (!settled) {
    h.pending ??= snapshot
    set(h, { state: 'offline' })
    return 'retry'
  }
  if (h.status.state === 'saving') set(h, { state: 'saved', error: null, savedAt: Date.now() })
  return 'again'
}

/** `getItem`: the server's copy of the token, as `persist()` reads it. */
const load = async (h: Http): Promise<string | null> => {
  const { token, state } = h.status
  if (token === null) return null
  // Rehydrating after a conflict keeps the 'conflict' status up, so the UI can say what happened.
  const adopting = state === 'conflict'
  if (!adopting) set(h, { state: 'loading' })
  const reply = await h.send('GET', `/${token}`)
  if (reply.kind === 'ok') {
    const version = reply.body.version as number
    const submitted = reply.body.status === 'submitted'
    set(h, adopting ? { version, submitted } : { state: 'saved', version, submitted, error: null })
    const envelope: Envelope = { state: reply.body.snapshot as PersistedSnapshot, version: 0 }
    return JSON.stringify(envelope)
  }
  if (reply.kind === 'refused') {
    failed(h, reply)
    return null
  }
  set(h, { state: 'offline', error: reply.error })
  throw new WorkflowError(
    'STORAGE_UNAVAILABLE',
    process.env.NODE_ENV !== 'production' && `could not load the saved flow: ${reply.error.message}`,
    {
      category: 'storage',
    },
  )
}

/** `submit`: saves what is pending, then asks the server to verify and accept the flow. */
const submitTo = async (h: Http, flush: () => Promise<void>, snapshot?: PersistedSnapshot): Promise<SubmitResult> => {
  if (snapshot) h.pending = h.last = snapshot
  await flush()
  const { token, version, error } = h.status
  if (token === null || version === null || !h.last) {
    return {
      ok: false,
      error: clientError('NOT_SAVED', error?.message ?? 'nothing was saved yet; complete a step first.', error ?? undefined),
    }
  }
  const reply = await h.send('POST', `/${token}/submit`, { baseVersion: version, snapshot: h.last })
  if (reply.kind === 'ok') {
    set(h, { state: 'saved', version: reply.body.version as number, submitted: true, error: null })
    return { ok: true, result: reply.body.result as Record<string, unknown>, version: reply.body.version as number }
  }
  if (reply.kind === 'refused') set(h, { error: reply.error })
  return { ok: false, error: reply.error }
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
  const base = `${url.replace(/\/+$/, '')}/instances`
  const h: Http = {
    status: { state: 'idle', token: options.token ?? null, version: null, submitted: false, error: null, savedAt: null },
    pending: null,
    last: null,
    options,
    listeners: new Set(),
    attached: new Set(),
    send: (method, path, body) =>
      request(
        options.fetch ?? fetch,
        method,
        `${base}${path}`,
        body,
        typeof options.headers === 'function' ? options.headers() : options.headers,
      ),
  }
  const loop = retryLoop({
    step: () => step(h),
    crashed: () => 'retry',
    debounce: options.debounce ?? 400,
    retryDelay: options.retryDelay ?? 500,
  })
  const flush = (): Promise<void> => loop.flush()
  return {
    getItem: () => load(h),
    setItem: (_key, value) => {
      if (h.status.submitted) return
      h.last = h.pending = (JSON.parse(value) as Envelope).state
      set(h, { state: 'saving' })
      loop.schedule()
    },
    removeItem: async () => {
      h.pending = null
      loop.cancel()
      await loop.flush() // a save under way ends first
      if (h.status.token !== null) await h.send('DELETE', `/${h.status.token}`)
      set(h, { state: 'idle', token: null, version: null, submitted: false, error: null, savedAt: null })
    },
    getStatus: () => h.status,
    subscribe(listener) {
      h.listeners.add(listener)
      return () => h.listeners.delete(listener)
    },
    flush,
    submit: (snapshot) => submitTo(h, flush, snapshot),
    attach(workflow) {
      h.attached.add(workflow)
      return () => h.attached.delete(workflow)
    },
    destroy() {
      loop.stop()
      h.listeners.clear()
    },
  }
}
