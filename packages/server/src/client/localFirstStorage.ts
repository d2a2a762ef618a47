import type { PersistedSnapshot, Workflow } from '@flowkit/core'
import { getPersistApi, type StateStorage } from '@flowkit/core/persist'
import { EMPTY, envelopeOf, type LocalRecord, snapshotOf } from './localRecord'
import { answersDiffer, changedSteps, mergeSnapshots } from './mergeSnapshots'
import type { Reply } from './request'
import { type Outcome, retryLoop } from './retryLoop'
import { copyOf, type ServerCopy, serverApi } from './serverApi'
import { settle } from './settle'
import { sharedRecord } from './sharedRecord'
import { recordedResult, type SubmissionHost, submitFlow } from './submission'
import { syncNotice } from './syncNotice'
import { withLock } from './tabChannel'
import type { SaveState, SubmitResult, SyncNotice, SyncStatus } from './types'

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
  /** Rehydrates `workflow` when another tab or device changed the flow, and listens to the other tabs meanwhile. Returns the detach function. */
  attach(workflow: Pick<Workflow<any, any>, 'store'>): () => void
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
  const shared = sharedRecord(options.local ?? (() => globalThis.localStorage), options.channel ?? 'flowkit-sync', (name) => onTab(name))
  const server = options.url === undefined ? null : serverApi(options.url, options)
  const listeners = new Set<(status: SyncStatus) => void>()
  const attached = new Set<Pick<Workflow<any, any>, 'store'>>()
  let key: string | null = null
  let opening: Promise<string | null> | null = null
  let opened = false
  /** The server copy was read or written in this page, so the record's `version` is the latest this page knows. */
  let loaded = false
  /** The value this page last read or wrote: a record holding another one was changed by another tab. */
  let seen: string | null = null
  let phase: 'ok' | 'loading' | 'offline' | 'error' = 'ok'
  let error: SyncStatus['error'] = null
  let adopted = false
  let notice: SyncNotice | null = null
  let linkProblem: SyncStatus['linkProblem'] = null
  let savedAt: number | null = null
  let submitting: Promise<SubmitResult> | null = null
  let destroyed = false

  const read = (): LocalRecord => shared.read(key)
  let status: SyncStatus = {
    state: 'idle',
    token: null,
    version: null,
    submitted: false,
    error: null,
    savedAt: null,
    notice: null,
    linkProblem: null,
  }
  const stateOf = (r: LocalRecord): SaveState => {
    if (r.submitted) return 'saved'
    if (phase === 'loading' || phase === 'error') return phase
    if (!server) return 'idle'
    if (phase === 'offline' && (r.dirty || !loaded)) return 'offline'
    if (r.dirty) return 'saving'
    if (adopted) return 'conflict'
    return r.token ? 'saved' : 'idle'
  }
  const refresh = () => {
    const r = read()
    const next: SyncStatus = {
      state: stateOf(r),
      token: r.token,
      version: r.version,
      submitted: r.submitted,
      error,
      savedAt,
      notice,
      linkProblem,
    }
    if ((Object.keys(next) as (keyof SyncStatus)[]).every((field) => next[field] === status[field])) return
    status = next
    for (const listener of listeners) listener(status)
  }
  /** Writes the record (this tab's view of it becomes `seen`) and tells the other tabs. */
  const write = (change: Partial<LocalRecord>, from: LocalRecord = read()): LocalRecord => {
    if (key === null) return from
    const written = shared.write(key, { ...from, ...change })
    seen = written.value
    refresh()
    return written
  }
  const tell = (kind: SyncNotice['kind'], source: SyncNotice['source'], steps: readonly string[]) => {
    notice = syncNotice(kind, source, steps)
    adopted = kind === 'adopted' && source === 'device'
  }
  const rehydrate = () => {
    for (const workflow of attached) void getPersistApi(workflow)?.rehydrate()
  }

  /** Settles this page's copy against the server's (on load and on 409): see `settle`. */
  const reconcile = (remote: ServerCopy) => {
    const { change, notice: told, replaced } = settle(read(), remote)
    write(change)
    if (told) tell(told.kind, 'device', told.steps)
    refresh()
    if (replaced && opened) rehydrate()
  }

  const offline = (reply: Extract<Reply, { kind: 'unreachable' }>): Outcome => {
    phase = 'offline'
    error = reply.error
    refresh()
    return 'retry'
  }
  const load = async (token: string): Promise<Outcome> => {
    const reply = await (server as NonNullable<typeof server>).load(token)
    if (reply.kind === 'unreachable') return offline(reply)
    loaded = true
    phase = 'ok'
    error = null
    if (reply.kind === 'ok') reconcile(copyOf(reply.body))
    else {
      // The link is unknown, expired or not ours: the flow goes on from this browser's copy, as a new instance.
      linkProblem = reply.error
      const record = read()
      write({ token: null, version: null, base: null, dirty: record.value !== null, submitted: false, result: null })
    }
    return 'again'
  }
  /** One step of syncing with the server: load when not loaded yet, else send the unsaved change. */
  const syncOnce = async (): Promise<Outcome> => {
    const record = read()
    if (!server || destroyed || record.submitted) return 'settled'
    if (record.token !== null && (!loaded || record.version === null)) return load(record.token)
    const snapshot = record.dirty ? snapshotOf(record.value) : null
    if (!snapshot) return 'settled'
    const reply =
      record.token === null ? await server.create(snapshot) : await server.save(record.token, record.version as number, snapshot)
    if (reply.kind === 'unreachable') return offline(reply)
    const fresh = read()
    if (fresh.token !== record.token) return 'again' // started over meanwhile
    if (reply.kind === 'ok') {
      const token = (reply.body.token as string | undefined) ?? (record.token as string)
      write({ token, version: reply.body.version as number, base: snapshot, dirty: fresh.value !== record.value }, fresh)
      if (record.token === null) options.onToken?.(token)
      phase = 'ok'
      error = null
      savedAt = Date.now()
      refresh()
      return 'again'
    }
    if (reply.status === 409 && reply.body.current) {
      const current = copyOf(reply.body.current as Record<string, unknown>)
      // Another tab of this browser saved in between: this copy already contains its change.
      if (current.status === 'open' && fresh.version !== record.version && current.version <= (fresh.version as number)) return 'again'
      reconcile(current)
      return 'again'
    }
    phase = 'error'
    error = reply.error
    refresh()
    return 'settled'
  }
  const loop = retryLoop({
    step: () => withLock(`flowkit-sync:${key}`, syncOnce),
    crashed: (cause) =>
      offline({ kind: 'unreachable', error: { code: 'NETWORK', message: cause instanceof Error ? cause.message : String(cause) } }),
    debounce: options.debounce ?? 400,
    retryDelay: options.retryDelay ?? 500,
  })
  const flush = (): Promise<void> => (server && key !== null ? loop.flush() : Promise.resolve())
  const schedule = () => {
    if (server) loop.schedule()
  }
  const onOnline = () => loop.wake()
  /** Back to this page: ask the server whether another device moved on meanwhile (the answer is settled by the rule). */
  const onVisible = () => {
    const record = read()
    if (globalThis.document?.visibilityState !== 'visible' || !server || !opened || record.token === null || record.submitted) return
    loaded = false
    void flush()
  }

  /** Another tab wrote the record: follow it, and say so when its answers differ. */
  const onTab = (changed: string) => {
    if (changed !== key || !opened) return
    const record = read()
    if (record.value !== seen) {
      const before = snapshotOf(seen)
      const after = snapshotOf(record.value)
      seen = record.value
      if (before && !after) {
        tell('updated', 'tab', [])
        for (const workflow of attached) workflow.store.setState(workflow.store.getInitialState(), true)
      } else if (after && (!before || answersDiffer(before, after))) {
        tell('updated', 'tab', changedSteps(before ?? { ...after, path: [], drafts: {} }, after))
        rehydrate()
      }
    }
    refresh()
  }
  const listen = () => {
    shared.listen()
    globalThis.addEventListener?.('online', onOnline)
    globalThis.document?.addEventListener('visibilitychange', onVisible)
  }
  const unlisten = () => {
    shared.close()
    globalThis.removeEventListener?.('online', onOnline)
    globalThis.document?.removeEventListener('visibilitychange', onVisible)
  }

  /** The first load: this browser's copy, reconciled with the server's once. */
  const open = async (name: string): Promise<string | null> => {
    key = name
    listen()
    let record = read()
    if (options.token && options.token !== record.token) record = write({ ...EMPTY, token: options.token }, record)
    seen = record.value
    if (server && record.token !== null && !record.submitted) {
      phase = 'loading'
      refresh()
      await withLock(`flowkit-sync:${name}`, () => load(record.token as string))
      if (phase === 'loading') phase = 'ok'
    }
    loaded ||= read().token === null
    opened = true
    const now = read()
    seen = now.value
    refresh()
    if (server && (now.dirty || !loaded)) void flush()
    return now.value
  }

  /** `setItem` found the record changed by another tab whose message has not arrived: three-way merge from `seen`. */
  const raced = (record: LocalRecord, value: string): boolean => {
    const base = snapshotOf(seen)
    const mine = snapshotOf(value)
    const theirs = snapshotOf(record.value)
    if (!mine || !theirs || !answersDiffer(base ?? mine, theirs)) return false
    const outcome = mergeSnapshots(base, mine, theirs)
    if (outcome.kind === 'same' || outcome.kind === 'mine') return false
    if (outcome.kind === 'merged') {
      write({ value: envelopeOf(outcome.snapshot), dirty: server !== null }, record)
      tell('merged', 'tab', outcome.theirs)
      schedule()
    } else {
      seen = record.value
      tell(
        outcome.kind === 'theirs' ? 'updated' : 'adopted',
        'tab',
        outcome.kind === 'conflict' ? outcome.steps : changedSteps(mine, theirs),
      )
    }
    refresh()
    rehydrate()
    return true
  }

  const submission: SubmissionHost = {
    server,
    read,
    write: (change) => void (key !== null && write(change)),
    flush,
    reconcile,
    lastError: () => error,
  }

  return {
    getItem(name) {
      if (opening === null) opening = open(name)
      if (!opened) return opening
      const record = shared.read(name)
      seen = record.value
      return record.value
    },
    setItem(name, value) {
      if (opening !== null && !opened) return // the load under way replaces the flow's state anyway
      key ??= name
      const record = read()
      if (record.submitted) return
      if (record.value !== seen && raced(record, value)) return
      try {
        write({ value, dirty: server !== null }, record)
      } catch (cause) {
        phase = 'error'
        error = {
          code: 'LOCAL_STORAGE_FAILED',
          message: `this browser refused to keep the flow: ${cause instanceof Error ? cause.message : String(cause)}.`,
        }
        refresh()
        return
      }
      adopted = false
      if (phase === 'error') phase = 'ok'
      refresh()
      schedule()
    },
    async removeItem(name) {
      key ??= name
      const record = shared.read(name)
      shared.remove(name)
      seen = null
      loop.cancel()
      linkProblem = notice = error = null
      adopted = false
      submitting = null
      loaded = true
      phase = 'ok'
      refresh()
      // The abandoned flow is deleted from the server, unless it was submitted or another device saved newer work
      // on it: that one is left alone (this browser only forgets it).
      if (!server || record.token === null || record.submitted) return
      const current = await server.load(record.token)
      if (current.kind !== 'ok') return
      const copy = copyOf(current.body)
      if (copy.status === 'open' && record.version !== null && copy.version <= record.version) await server.remove(record.token)
    },
    getStatus: () => status,
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    flush,
    submit(snapshot) {
      submitting ??= submitFlow(submission, snapshot).then((result) => {
        if (!result.ok) submitting = null // a refusal or a network failure may be retried
        return result
      })
      return submitting
    },
    result: () => recordedResult(submission),
    attach(workflow) {
      attached.add(workflow)
      listen()
      return () => {
        attached.delete(workflow)
        if (attached.size === 0) unlisten()
      }
    },
    dismissNotice() {
      notice = null
      refresh()
    },
    destroy() {
      destroyed = true
      loop.stop()
      unlisten()
      listeners.clear()
    },
  }
}
