import type { PersistedSnapshot, Workflow } from '@flowkit/core'
import { getPersistApi } from '@flowkit/core/persist'
import { clientError, networkError, saidBy } from './clientError'
import { EMPTY, envelopeOf, type LocalRecord, snapshotOf } from './localRecord'
import { answersDiffer, changedSteps, mergeSnapshots } from './mergeSnapshots'
import type { Reply } from './request'
import { type Outcome, retryLoop } from './retryLoop'
import { copyOf, type ServerApi, type ServerApiOptions, type ServerCopy, serverApi } from './serverApi'
import { settle } from './settle'
import { sharedRecord } from './sharedRecord'
import { recordedResult, type SubmissionHost, submitFlow } from './submission'
import { syncNotice } from './syncNotice'
import { withLock } from './tabChannel'
import type { SaveState, SubmitResult, SyncNotice, SyncStatus } from './types'

/** What the sync of one flow needs from `localFirstStorage`'s options. */
export interface LocalFirstSyncOptions extends ServerApiOptions {
  readonly url?: string
  readonly token?: string | null
  readonly onToken?: (token: string) => void
  readonly debounce?: number
  readonly retryDelay?: number
  readonly local?: () => Storage
  readonly channel?: string
}

/** A workflow using this sync: its store rehydrates, its definition (when given) names the steps in notices. */
type Attached = Pick<Workflow<any, any>, 'store'> & Partial<Pick<Workflow<any, any>, 'definition'>>
type Unreachable = Extract<Reply, { kind: 'unreachable' }>

const IDLE: SyncStatus = {
  state: 'idle',
  token: null,
  version: null,
  submitted: false,
  error: null,
  savedAt: null,
  notice: null,
  linkProblem: null,
}

/**
 * The state and the moves of one local-first flow (see `localFirstStorage`): this browser's record shared
 * with its tabs, the server's copy, the status shown to the user. Each method is one rule of the sync.
 */
export class LocalFirstSync {
  readonly server: ServerApi | null
  readonly shared: ReturnType<typeof sharedRecord>
  readonly listeners = new Set<(status: SyncStatus) => void>()
  readonly attached = new Set<Attached>()
  readonly loop: ReturnType<typeof retryLoop>
  key: string | null = null
  opening: Promise<string | null> | null = null
  opened = false
  /** The server copy was read or written in this page, so the record's `version` is the latest this page knows. */
  loaded = false
  /** The value this page last read or wrote: a record holding another one was changed by another tab. */
  seen: string | null = null
  phase: 'ok' | 'loading' | 'offline' | 'error' = 'ok'
  error: SyncStatus['error'] = null
  adopted = false
  notice: SyncNotice | null = null
  linkProblem: SyncStatus['linkProblem'] = null
  savedAt: number | null = null
  submitting: Promise<SubmitResult> | null = null
  destroyed = false
  status: SyncStatus = IDLE
  /** What `submitFlow` and `recordedResult` need. */
  readonly submission: SubmissionHost

  constructor(readonly options: LocalFirstSyncOptions) {
    this.shared = sharedRecord(options.local ?? (() => globalThis.localStorage), options.channel ?? 'flowkit-sync', this.onTab)
    this.server = options.url === undefined ? null : serverApi(options.url, options)
    this.loop = retryLoop({
      step: () => withLock(`flowkit-sync:${this.key}`, this.syncOnce),
      crashed: (cause) => this.offline({ kind: 'unreachable', error: networkError(cause) }),
      debounce: options.debounce ?? 400,
      retryDelay: options.retryDelay ?? 500,
    })
    this.submission = {
      server: this.server,
      read: this.read,
      write: (change) => void (this.key !== null && this.write(change)),
      flush: this.flush,
      reconcile: this.reconcile,
      lastError: () => this.error,
    }
  }

  read = (): LocalRecord => this.shared.read(this.key)

  stateOf(r: LocalRecord): SaveState {
    if (r.submitted) return 'saved'
    if (this.phase === 'loading' || this.phase === 'error') return this.phase
    if (!this.server) return 'idle'
    if (this.phase === 'offline' && (r.dirty || !this.loaded)) return 'offline'
    if (r.dirty) return 'saving'
    if (this.adopted) return 'conflict'
    return r.token ? 'saved' : 'idle'
  }

  /** Recomputes the status and tells the listeners when any field changed. */
  refresh(): void {
    const r = this.read()
    const { error, savedAt, notice, linkProblem } = this
    const next: SyncStatus = {
      state: this.stateOf(r),
      token: r.token,
      version: r.version,
      submitted: r.submitted,
      error,
      savedAt,
      notice,
      linkProblem,
    }
    if ((Object.keys(next) as (keyof SyncStatus)[]).every((field) => next[field] === this.status[field])) return
    this.status = next
    for (const listener of this.listeners) listener(next)
  }

  /** Writes the record (this tab's view of it becomes `seen`) and tells the other tabs. */
  write(change: Partial<LocalRecord>, from: LocalRecord = this.read()): LocalRecord {
    if (this.key === null) return from
    const written = this.shared.write(this.key, { ...from, ...change })
    this.seen = written.value
    this.refresh()
    return written
  }

  tell(kind: SyncNotice['kind'], source: SyncNotice['source'], steps: readonly string[]): void {
    const definition = [...this.attached].find((workflow) => workflow.definition)?.definition
    this.notice = syncNotice(kind, source, steps, definition)
    this.adopted = kind === 'adopted' && source === 'device'
  }

  rehydrate(): void {
    for (const workflow of this.attached) void getPersistApi(workflow)?.rehydrate()
  }

  /** Settles this page's copy against the server's (on load and on 409): see `settle`. */
  reconcile = (remote: ServerCopy): void => {
    const { change, notice: told, replaced } = settle(this.read(), remote)
    this.write(change)
    if (told) this.tell(told.kind, 'device', told.steps)
    this.refresh()
    if (replaced && this.opened) this.rehydrate()
  }

  offline(reply: Unreachable): Outcome {
    this.phase = 'offline'
    this.error = reply.error
    this.refresh()
    return 'retry'
  }

  async load(token: string): Promise<Outcome> {
    const reply = await (this.server as ServerApi).load(token)
    if (reply.kind === 'unreachable') return this.offline(reply)
    this.loaded = true
    this.phase = 'ok'
    this.error = null
    if (reply.kind === 'ok') this.reconcile(copyOf(reply.body))
    else {
      // The link is unknown, expired or not ours: the flow goes on from this browser's copy, as a new instance.
      this.linkProblem = reply.error
      const record = this.read()
      this.write({ token: null, version: null, base: null, dirty: record.value !== null, submitted: false, result: null })
    }
    return 'again'
  }

  /** One step of syncing with the server: load when not loaded yet, else send the unsaved change. */
  syncOnce = async (): Promise<Outcome> => {
    const { server } = this
    const record = this.read()
    if (!server || this.destroyed || record.submitted) return 'settled'
    if (record.token !== null && (!this.loaded || record.version === null)) return this.load(record.token)
    const snapshot = record.dirty ? snapshotOf(record.value) : null
    if (!snapshot) return 'settled'
    const reply =
      record.token === null ? await server.create(snapshot) : await server.save(record.token, record.version as number, snapshot)
    if (reply.kind === 'unreachable') return this.offline(reply)
    const fresh = this.read()
    if (fresh.token !== record.token) return 'again' // started over meanwhile
    if (reply.kind === 'ok') return this.saved(record, fresh, snapshot, reply.body)
    if (reply.status === 409 && reply.body.current) {
      const current = copyOf(reply.body.current as Record<string, unknown>)
      // Another tab of this browser saved in between: this copy already contains its change.
      if (current.status === 'open' && fresh.version !== record.version && current.version <= (fresh.version as number)) return 'again'
      this.reconcile(current)
      return 'again'
    }
    this.phase = 'error'
    this.error = reply.error
    this.refresh()
    return 'settled'
  }

  /** The server took `snapshot`, sent from `record`; `fresh` is the record now (the user may have moved on meanwhile). */
  saved(record: LocalRecord, fresh: LocalRecord, snapshot: NonNullable<LocalRecord['base']>, body: Record<string, unknown>): Outcome {
    const token = (body.token as string | undefined) ?? (record.token as string)
    this.write({ token, version: body.version as number, base: snapshot, dirty: fresh.value !== record.value }, fresh)
    if (record.token === null) this.options.onToken?.(token)
    this.phase = 'ok'
    this.error = null
    this.savedAt = Date.now()
    this.refresh()
    return 'again'
  }

  flush = (): Promise<void> => (this.server && this.key !== null ? this.loop.flush() : Promise.resolve())

  schedule(): void {
    if (this.server) this.loop.schedule()
  }

  onOnline = (): void => this.loop.wake()

  /** Back to this page: ask the server whether another device moved on meanwhile (the answer is settled by the rule). */
  onVisible = (): void => {
    const record = this.read()
    if (globalThis.document?.visibilityState !== 'visible' || !this.server || !this.opened || record.token === null || record.submitted)
      return
    this.loaded = false
    void this.flush()
  }

  /** Another tab wrote the record: follow it, and say so when its answers differ. */
  onTab = (changed: string): void => {
    if (changed !== this.key || !this.opened) return
    const record = this.read()
    if (record.value !== this.seen) {
      const before = snapshotOf(this.seen)
      const after = snapshotOf(record.value)
      this.seen = record.value
      if (before && !after) {
        this.tell('updated', 'tab', [])
        for (const workflow of this.attached) workflow.store.setState(workflow.store.getInitialState(), true)
      } else if (after && (!before || answersDiffer(before, after))) {
        this.tell('updated', 'tab', changedSteps(before ?? { ...after, path: [], drafts: {} }, after))
        this.rehydrate()
      }
    }
    this.refresh()
  }

  listen(): void {
    this.shared.listen()
    globalThis.addEventListener?.('online', this.onOnline)
    globalThis.document?.addEventListener('visibilitychange', this.onVisible)
  }

  unlisten(): void {
    this.shared.close()
    globalThis.removeEventListener?.('online', this.onOnline)
    globalThis.document?.removeEventListener('visibilitychange', this.onVisible)
  }

  /** The first load: this browser's copy, reconciled with the server's once. */
  async open(name: string): Promise<string | null> {
    this.key = name
    this.listen()
    let record = this.read()
    const { token } = this.options
    if (token && token !== record.token) record = this.write({ ...EMPTY, token }, record)
    this.seen = record.value
    if (this.server && record.token !== null && !record.submitted) {
      this.phase = 'loading'
      this.refresh()
      await withLock(`flowkit-sync:${name}`, () => this.load(record.token as string))
      if (this.phase === 'loading') this.phase = 'ok'
    }
    this.loaded ||= this.read().token === null
    this.opened = true
    const now = this.read()
    this.seen = now.value
    this.refresh()
    if (this.server && (now.dirty || !this.loaded)) void this.flush()
    return now.value
  }

  /** `setItem` found the record changed by another tab whose message has not arrived: three-way merge from `seen`. */
  raced(record: LocalRecord, value: string): boolean {
    const base = snapshotOf(this.seen)
    const mine = snapshotOf(value)
    const theirs = snapshotOf(record.value)
    if (!mine || !theirs || !answersDiffer(base ?? mine, theirs)) return false
    const outcome = mergeSnapshots(base, mine, theirs)
    if (outcome.kind === 'same' || outcome.kind === 'mine') return false
    if (outcome.kind === 'merged') {
      this.write({ value: envelopeOf(outcome.snapshot), dirty: this.server !== null }, record)
      this.tell('merged', 'tab', outcome.theirs)
      this.schedule()
    } else {
      this.seen = record.value
      this.tell(
        outcome.kind === 'theirs' ? 'updated' : 'adopted',
        'tab',
        outcome.kind === 'conflict' ? outcome.steps : changedSteps(mine, theirs),
      )
    }
    this.refresh()
    this.rehydrate()
    return true
  }

  getItem(name: string): string | null | Promise<string | null> {
    if (this.opening === null) this.opening = this.open(name)
    if (!this.opened) return this.opening
    const record = this.shared.read(name)
    this.seen = record.value
    return record.value
  }

  setItem(name: string, value: string): void {
    if (this.opening !== null && !this.opened) return // the load under way replaces the flow's state anyway
    this.key ??= name
    const record = this.read()
    if (record.submitted) return
    if (record.value !== this.seen && this.raced(record, value)) return
    try {
      this.write({ value, dirty: this.server !== null }, record)
    } catch (cause) {
      this.phase = 'error'
      this.error = clientError('STORAGE_FAILED', `this browser refused to keep the flow: ${saidBy(cause)}.`, cause)
      this.refresh()
      return
    }
    this.adopted = false
    if (this.phase === 'error') this.phase = 'ok'
    this.refresh()
    this.schedule()
  }

  /** Forgets the flow here; deletes it from the server unless it was submitted or another device saved newer work on it. */
  async removeItem(name: string): Promise<void> {
    this.key ??= name
    const record = this.shared.read(name)
    this.shared.remove(name)
    this.seen = null
    this.loop.cancel()
    this.linkProblem = this.notice = this.error = null
    this.adopted = false
    this.submitting = null
    this.loaded = true
    this.phase = 'ok'
    this.refresh()
    const { server } = this
    if (!server || record.token === null || record.submitted) return
    const current = await server.load(record.token)
    if (current.kind !== 'ok') return
    const copy = copyOf(current.body)
    if (copy.status === 'open' && record.version !== null && copy.version <= record.version) await server.remove(record.token)
  }

  subscribe(listener: (status: SyncStatus) => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  /** Saves, then asks the server to accept the flow; concurrent calls share one submission, a failed one may be retried. */
  submit(snapshot?: PersistedSnapshot): Promise<SubmitResult> {
    this.submitting ??= submitFlow(this.submission, snapshot).then((result) => {
      if (!result.ok) this.submitting = null
      return result
    })
    return this.submitting
  }

  result(): Promise<SubmitResult> {
    return recordedResult(this.submission)
  }

  attach(workflow: Attached): () => void {
    this.attached.add(workflow)
    this.listen()
    return () => {
      this.attached.delete(workflow)
      if (this.attached.size === 0) this.unlisten()
    }
  }

  dismissNotice(): void {
    this.notice = null
    this.refresh()
  }

  destroy(): void {
    this.destroyed = true
    this.loop.stop()
    this.unlisten()
    this.listeners.clear()
  }
}
