import { createStore, type StateCreator, type StoreApi } from 'zustand/vanilla'
import { compile } from '../definition/compile'
import { back, complete, fail, goTo, initialState, reject, reset, setDraft } from '../kernel/moves'
import { type SerializeOptions, serialize } from '../kernel/serialize'
import { type FlowState, NO_ISSUES, update } from '../kernel/state'
import { toPlain } from '../plain'
import { type ReplayOptions, replayState } from '../replay'
import type { PersistedSnapshot, WorkflowDefinition, WorkflowSnapshot } from '../types'
import { isWorkflowError, WorkflowError } from '../WorkflowError'
import { isPromiseLike } from './async'
import { type Outcome, runStep } from './pipeline'
import { type Kernel, kernelOf, makeSnapshot } from './snapshot'

/** What a persistence plugin (see `@flowkit/core/persist`) gets from the engine. */
export interface PersistenceHost {
  readonly definition: WorkflowDefinition
  /** The stored form of a snapshot. */
  serialize(snapshot: WorkflowSnapshot, options?: Omit<SerializeOptions, 'at'>): PersistedSnapshot
  /** The snapshot a stored value resumes, or `undefined` when it does not fit (`onError` has been told why). */
  restore(value: unknown, options?: Pick<ReplayOptions, 'expiresIn'>): WorkflowSnapshot | undefined
  /** Passes a problem (storage failing, unreadable data) to the `onError` option. */
  report(error: WorkflowError): void
}

/** Wraps the store's creator, as zustand middleware does. `persist()` from `@flowkit/core/persist` makes one. */
export type WorkflowPersistence = (
  host: PersistenceHost,
) => (creator: StateCreator<WorkflowSnapshot>) => StateCreator<WorkflowSnapshot, [], any>

export interface WorkflowOptions {
  /** A persisted snapshot (from `getPersistedSnapshot()`) to resume from. One that does not fit is reported to `onError` and the flow starts fresh. */
  readonly snapshot?: unknown
  /** Converts a snapshot saved by another `version` of the definition. */
  readonly migrate?: ReplayOptions['migrate']
  /** Told about every error: a failed action, a choice with no match, a snapshot that could not be resumed. */
  readonly onError?: (error: WorkflowError) => void
  /** Saves and resumes through storage: `persist({ key: 'checkout' })` from `@flowkit/core/persist`. */
  readonly persist?: WorkflowPersistence
  /** The clock for the journey log and snapshot expiry. @default Date.now */
  readonly now?: () => number
  /** How many journey log entries to keep. @default 500 */
  readonly logLimit?: number
}

export interface RunOptions<K extends string = string> {
  /** Stops a flow that loops with the same inputs. @default 10000 */
  readonly maxSteps?: number
  /**
   * Stops when this step becomes current (it is not completed). With `snapshot.drafts` as inputs this
   * is "change an answer, then return to the check-answers page": the steps in between are completed
   * again with what the user entered before, and any that no longer validates stops the run there.
   * @example
   * await flow.next(changedAddress)
   * await flow.run(flow.getSnapshot().drafts, { until: 'review' })
   */
  readonly until?: K
}

/** A running workflow. State lives in `store`, a zustand vanilla store of snapshots. */
export interface Workflow<S extends object = any, K extends string = string> {
  readonly definition: WorkflowDefinition<S, K>
  readonly store: StoreApi<WorkflowSnapshot<S, K>>
  getSnapshot(): WorkflowSnapshot<S, K>
  /** Called after every change with the new and the previous snapshot. Returns the unsubscribe function. */
  subscribe(listener: (snapshot: WorkflowSnapshot<S, K>, previous: WorkflowSnapshot<S, K>) => void): () => void
  /**
   * Completes the current step with `input`: validates it, runs the actions, moves to the next shown step.
   * Resolves with the new snapshot; failures are in `snapshot.issues` / `snapshot.error`, never thrown.
   * While a transition is running, returns that one.
   */
  next(input?: unknown): Promise<WorkflowSnapshot<S, K>>
  /** Back to the previous visited step (never a skipped one). Aborts a running transition. */
  back(): WorkflowSnapshot<S, K>
  /** Back to a step visited on the current path. Throws `NOT_VISITED` for any other step. */
  goTo(step: K): WorkflowSnapshot<S, K>
  /** Back to the start, with no state, drafts or history. */
  reset(): WorkflowSnapshot<S, K>
  /** Completes steps until the flow is done, an action fails or validation rejects; `inputs` gives each step's input. */
  run(inputs?: { readonly [P in K]?: unknown }, options?: RunOptions<K>): Promise<WorkflowSnapshot<S, K>>
  /** Keeps what the user typed for a step (so it survives unmount, back and reload) without submitting it. */
  setDraft(step: K, draft: unknown): void
  /** A JSON-safe snapshot to store or send, and to resume with `createWorkflow(definition, { snapshot })`. */
  getPersistedSnapshot(options?: Omit<SerializeOptions, 'at'>): PersistedSnapshot
  /** Aborts a running transition and drops all listeners. */
  destroy(): void
}

/**
 * Starts a workflow instance: a thin runtime around the kernel's pure moves. It holds the zustand
 * store, runs the input pipeline (validation and actions, possibly async, with abort), keeps one
 * pending transition, and reports errors to `onError`.
 * @example
 * const flow = createWorkflow(signup)
 * await flow.next({ email: 'ada@example.com' })
 */
export function createWorkflow<S extends object, K extends string>(
  definition: WorkflowDefinition<S, K>,
  options: WorkflowOptions = {},
): Workflow<S, K> {
  const def = definition as WorkflowDefinition
  compile(def)
  const now = options.now ?? Date.now
  const report = (error: WorkflowError) => options.onError?.(error)
  const tryReplay = (value: unknown, extra?: Pick<ReplayOptions, 'expiresIn'>): FlowState | undefined => {
    try {
      return replayState(def, value, { migrate: options.migrate, now, logLimit: options.logLimit, ...extra })
    } catch (cause) {
      report(asSnapshotError(def, cause))
      return undefined
    }
  }
  const view = (state: FlowState, busy = false, same?: WorkflowSnapshot) => makeSnapshot({ definition: def, state, busy }, same)
  const first = (options.snapshot !== undefined && tryReplay(options.snapshot)) || initialState(def, now(), options.logLimit)
  const creator: StateCreator<WorkflowSnapshot> = () => view(first)
  const store: StoreApi<WorkflowSnapshot> = createStore<WorkflowSnapshot>(
    options.persist
      ? options.persist({
          definition: def,
          serialize: (snapshot, o): PersistedSnapshot => serialize(def, (kernelOf(snapshot) ?? current()).state, { ...o, at: now() }),
          restore: (value, o) => {
            const s = tryReplay(value, o)
            return s && view(s)
          },
          report,
        })(creator)
      : creator,
  )

  let last: Kernel = kernelOf(store.getState()) ?? { definition: def, state: first, busy: false }
  /** The store's kernel; the last committed one if someone replaced the store's state by hand. */
  const current = (): Kernel => {
    last = kernelOf(store.getState()) ?? last
    return last
  }
  const snapshot = () => store.getState() as WorkflowSnapshot<S, K>
  const commit = (next: FlowState, busy = false) => {
    const previous = current().state
    store.setState(view(next, busy), true)
    if (next.error && next.error !== previous.error) report(next.error)
    return snapshot()
  }

  /** One transition's abort. The AbortController is made only if an action reads `signal`: it is costly. */
  interface Abort {
    aborted?: boolean
    controller?: AbortController
  }
  let pending: { promise: Promise<WorkflowSnapshot<S, K>>; abort: Abort } | null = null
  const cancel = () => {
    if (pending) {
      pending.abort.aborted = true
      pending.abort.controller?.abort()
    }
    pending = null
  }

  const listeners = new Set<() => void>()
  const workflow: Workflow<S, K> = {
    definition,
    store: store as unknown as StoreApi<WorkflowSnapshot<S, K>>,
    getSnapshot: snapshot,
    subscribe(listener) {
      const unsubscribe = store.subscribe(listener as (s: WorkflowSnapshot, p: WorkflowSnapshot) => void)
      listeners.add(unsubscribe)
      return () => {
        listeners.delete(unsubscribe)
        unsubscribe()
      }
    },
    next(input) {
      if (pending) return pending.promise
      const s = current().state
      if (s.done) {
        throw new WorkflowError(
          'WORKFLOW_DONE',
          process.env.NODE_ENV !== 'production' &&
            `workflow '${def.id}' is done, so next() has no step to complete; call back() to reopen the final step or reset() to start over.`,
          { category: 'usage', step: s.step },
        )
      }
      const abort: Abort = {}
      const signal = () => {
        abort.controller ??= new AbortController()
        if (abort.aborted) abort.controller.abort()
        return abort.controller.signal
      }
      let plain: unknown
      // What the user sent is kept as the step's draft whatever happens, so nothing typed is lost.
      const failed = (cause: unknown) => fail(def, s, asStepError(s.step, cause), plain, now())
      const settle = (outcome: Outcome) => {
        try {
          return outcome.issues ? reject(def, s, outcome.input, outcome.issues) : complete(def, s, outcome.input, outcome.patch, now())
        } catch (cause) {
          return failed(cause)
        }
      }
      let result: Outcome | Promise<Outcome>
      try {
        result = runStep(def, s, input, signal, (p) => (plain = p))
      } catch (cause) {
        return Promise.resolve(commit(failed(cause)))
      }
      if (!isPromiseLike(result)) return Promise.resolve(commit(settle(result)))
      const promise = result.then(settle, failed).then((next) => {
        // Ignore a result that arrives after back/goTo/reset, or after the state was replaced (rehydration).
        const at = current()
        if (pending?.abort !== abort || !at.busy || at.state.frame !== s.frame) return snapshot()
        pending = null
        // Drafts typed while busy are kept; the submitted step's draft is the submitted input.
        const typed = update(next, { drafts: at.state.drafts })
        return commit(plain === undefined ? typed : setDraft(def, typed, s.step, plain))
      })
      pending = { promise, abort }
      commit(update(s, { error: null, issues: NO_ISSUES }), true)
      return promise
    },
    back() {
      cancel()
      return commit(back(def, current().state, now()))
    },
    goTo(step) {
      const target = goTo(def, current().state, step, now())
      cancel()
      return commit(target)
    },
    reset() {
      cancel()
      return commit(reset(def, current().state, now()))
    },
    async run(inputs = {}, { maxSteps = 10_000, until } = {}) {
      let snap = pending ? await pending.promise : snapshot()
      for (let count = 0; snap.status !== 'done' && snap.step !== until; count++) {
        if (count >= maxSteps) {
          const error = new WorkflowError(
            'RUN_LIMIT',
            process.env.NODE_ENV !== 'production' &&
              `run() completed ${maxSteps} steps without finishing workflow '${def.id}'; a loop keeps getting the same input. Give the looping step an input that leaves the loop, or raise maxSteps.`,
            { category: 'transition', step: snap.step },
          )
          return commit(fail(def, current().state, error, undefined, now()))
        }
        snap = await workflow.next(Object.hasOwn(inputs, snap.step) ? inputs[snap.step as K] : undefined)
        if (snap.error || snap.issues !== NO_ISSUES) break
      }
      return snap
    },
    setDraft(step, draft) {
      const { state, busy } = current()
      const next = setDraft(def, state, step, toPlain(draft, 'the draft', step))
      // A keystroke changes drafts only: the new snapshot shares the derived fields (history, progress…) of the last one.
      store.setState(view(next, busy, store.getState()), true)
    },
    getPersistedSnapshot: (o) => serialize(def, current().state, { ...o, at: now() }),
    destroy() {
      cancel()
      for (const unsubscribe of listeners) unsubscribe()
      listeners.clear()
    },
  }
  return workflow
}

/** Anything a step's pipeline threw, as a WorkflowError naming the step. */
const asStepError = (step: string, cause: unknown): WorkflowError =>
  isWorkflowError(cause)
    ? cause
    : new WorkflowError(
        'ACTION_FAILED',
        process.env.NODE_ENV !== 'production' && `step '${step}' failed: ${cause instanceof Error ? cause.message : String(cause)}`,
        {
          category: 'transition',
          step,
          cause,
        },
      )

/** Why a snapshot could not be resumed, as a snapshot error. */
const asSnapshotError = (def: WorkflowDefinition, cause: unknown): WorkflowError =>
  isWorkflowError(cause) && cause.category === 'snapshot'
    ? cause
    : new WorkflowError(
        'SNAPSHOT_MISMATCH',
        process.env.NODE_ENV !== 'production' &&
          `the snapshot of workflow '${def.id}' no longer replays: ${cause instanceof Error ? cause.message : String(cause)}`,
        { category: 'snapshot', cause },
      )
