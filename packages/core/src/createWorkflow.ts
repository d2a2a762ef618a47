import { createStore, type StateCreator, type StoreApi } from 'zustand/vanilla'
import { runActions } from './actions'
import { andThen, isPromiseLike, settle } from './async'
import { appendLog, type Core, NO_ISSUES, stepDef, update } from './core'
import { compile } from './defineWorkflow'
import { type RestoreOptions, restore, type SerializeOptions, serialize } from './persisted'
import { isPlainObject, toPatch, toPlain } from './plain'
import { coreOf, makeSnapshot } from './snapshot'
import { back, complete, goTo, start } from './transition'
import type { PersistedSnapshot, WorkflowDefinition, WorkflowSnapshot } from './types'
import { validate } from './validate'
import { WorkflowError } from './WorkflowError'

/** What a persistence plugin (see `@flowkit/core/persist`) gets from the engine. */
export interface PersistenceHost {
  readonly definition: WorkflowDefinition
  /** The stored form of a snapshot. */
  serialize(snapshot: WorkflowSnapshot, options?: SerializeOptions): PersistedSnapshot
  /** The snapshot a stored value resumes, or `undefined` when it does not fit (`onError` has been told why). */
  restore(value: unknown, options?: Pick<RestoreOptions, 'expiresIn'>): WorkflowSnapshot | undefined
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
  readonly migrate?: RestoreOptions['migrate']
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
  getPersistedSnapshot(options?: SerializeOptions): PersistedSnapshot
  /** Aborts a running transition and drops all listeners. */
  destroy(): void
}

/**
 * Starts a workflow instance.
 * @example
 * const flow = createWorkflow(signup)
 * await flow.next({ email: 'ada@example.com' })
 */
export function createWorkflow<S extends object, K extends string>(
  definition: WorkflowDefinition<S, K>,
  options: WorkflowOptions = {},
): Workflow<S, K> {
  const def = definition as WorkflowDefinition
  const blank: Core = {
    definition: def,
    compiled: compile(def),
    frame: null,
    start: [],
    step: def.initial,
    done: false,
    busy: false,
    error: null,
    issues: NO_ISSUES,
    drafts: {},
    log: null,
    now: options.now ?? Date.now,
    logLimit: options.logLimit ?? 500,
  }
  const report = (error: WorkflowError) => options.onError?.(error)
  const tryRestore = (value: unknown, restoreOptions: Pick<RestoreOptions, 'expiresIn'> = {}): Core | undefined => {
    try {
      return restore(blank, value, { migrate: options.migrate, ...restoreOptions })
    } catch (cause) {
      const snapshotCodes = ['INVALID_SNAPSHOT', 'SNAPSHOT_MISMATCH', 'SNAPSHOT_EXPIRED', 'INVALID_INPUT']
      report(
        cause instanceof WorkflowError && snapshotCodes.includes(cause.code)
          ? cause
          : new WorkflowError(
              'SNAPSHOT_MISMATCH',
              process.env.NODE_ENV !== 'production' &&
                `the snapshot of workflow '${def.id}' no longer replays: ${cause instanceof Error ? cause.message : String(cause)}`,
              { cause },
            ),
      )
      return undefined
    }
  }

  let initial: Core | undefined
  const fresh = () => {
    initial ??= start(blank)
    return initial
  }
  const first = (options.snapshot !== undefined && tryRestore(options.snapshot)) || fresh()
  const creator: StateCreator<WorkflowSnapshot> = () => makeSnapshot(first)
  const store = createStore<WorkflowSnapshot>(
    options.persist
      ? options.persist({
          definition: def,
          serialize: (snapshot, serializeOptions) => serialize(coreOf(snapshot) ?? current(), serializeOptions),
          restore: (value, restoreOptions) => {
            const core = tryRestore(value, restoreOptions)
            return core && makeSnapshot(core)
          },
          report,
        })(creator)
      : creator,
  )

  let last = first
  /** The store's core; falls back to the last committed one if someone replaced the store's state by hand. */
  const current = (): Core => {
    const core = coreOf(store.getState())
    if (core) last = core
    return last
  }
  const snapshot = () => store.getState() as WorkflowSnapshot<S, K>
  const commit = (core: Core) => {
    const previous = current()
    store.setState(makeSnapshot(core), true)
    if (core.error && core.error !== previous.error) report(core.error)
    return snapshot()
  }

  /** Aborts one transition's signal. The AbortController is made only if an action reads `signal`: it is costly. */
  interface Abort {
    aborted?: boolean
    controller?: AbortController
  }
  const signalOf = (abort: Abort) => () => {
    abort.controller ??= new AbortController()
    if (abort.aborted) abort.controller.abort()
    return abort.controller.signal
  }
  let pending: { promise: Promise<WorkflowSnapshot<S, K>>; abort: Abort } | null = null
  const cancel = () => {
    if (pending) {
      pending.abort.aborted = true
      pending.abort.controller?.abort()
    }
    pending = null
  }
  const failed = (core: Core, cause: unknown): Core => {
    const error =
      cause instanceof WorkflowError
        ? cause
        : new WorkflowError(
            'ACTION_FAILED',
            process.env.NODE_ENV !== 'production' &&
              process.env.NODE_ENV !== 'production' &&
              `step '${core.step}' failed: ${cause instanceof Error ? cause.message : String(cause)}`,
            {
              step: core.step,
              cause,
            },
          )
    return update(core, { busy: false, error, issues: NO_ISSUES, log: appendLog(core, core.log, 'error', core.step, error.code) })
  }
  const attempt = (core: Core, input: unknown, signal: () => AbortSignal): Core | Promise<Core> => {
    const id = core.step
    let plain: unknown
    // What the user sent is kept as the step's draft whatever happens, so nothing typed is lost.
    const withDraft = (): Core => (plain === undefined ? core : update(core, { drafts: { ...core.drafts, [id]: plain } }))
    const { validate: schema, actions } = stepDef(core, id)
    if (!schema && !actions?.length) {
      // A step that only merges its input: synchronous, without the machinery for validators and actions.
      try {
        plain = toPlain(input, 'the input', id)
        return complete(core, plain, isPlainObject(plain) ? plain : toPatch(plain, 'the input', id))
      } catch (cause) {
        return failed(withDraft(), cause)
      }
    }
    return settle(
      () => {
        plain = toPlain(input, 'the input', id)
        return andThen(schema ? validate(schema, plain) : { value: plain }, (result) =>
          result.issues
            ? update(withDraft(), { busy: false, error: null, issues: result.issues })
            : andThen(runActions(core, result.value, signal, !schema), (patch) => complete(core, plain, patch)),
        )
      },
      (cause) => failed(withDraft(), cause),
    )
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
      const core = current()
      if (core.done) {
        throw new WorkflowError(
          'WORKFLOW_DONE',
          process.env.NODE_ENV !== 'production' &&
            `workflow '${def.id}' is done, so next() has no step to complete; call back() to reopen the final step or reset() to start over.`,
          { step: core.step },
        )
      }
      const abort: Abort = {}
      const result = attempt(core, input, signalOf(abort))
      if (!isPromiseLike(result)) return Promise.resolve(commit(result))
      const busy: Core = update(core, { busy: true, error: null, issues: NO_ISSUES })
      const promise = result.then((next) => {
        // Ignore a result that arrives after back/goTo/reset, or after the state was replaced (rehydration).
        const now = current()
        if (pending?.abort !== abort || !now.busy || now.frame !== busy.frame) return snapshot()
        pending = null
        // Drafts typed while busy are kept; the submitted step's draft is the submitted input.
        return commit(update(next, { drafts: { ...now.drafts, ...next.drafts } }))
      })
      pending = { promise, abort }
      commit(busy)
      return promise
    },
    back() {
      cancel()
      return commit(back(update(current(), { busy: false })))
    },
    goTo(step) {
      const target = goTo(update(current(), { busy: false }), step)
      cancel()
      return commit(target)
    },
    reset() {
      cancel()
      return commit(start(update(current(), { drafts: {}, log: current().log }), 'reset'))
    },
    async run(inputs = {}, { maxSteps = 10_000, until } = {}) {
      let snap = pending ? await pending.promise : snapshot()
      for (let count = 0; snap.status !== 'done' && snap.step !== until; count++) {
        if (count >= maxSteps) {
          const error = new WorkflowError(
            'RUN_LIMIT',
            process.env.NODE_ENV !== 'production' &&
              `run() completed ${maxSteps} steps without finishing workflow '${def.id}'; a loop keeps getting the same input. Give the looping step an input that leaves the loop, or raise maxSteps.`,
            { step: snap.step },
          )
          return commit(failed(current(), error))
        }
        const input = Object.hasOwn(inputs, snap.step) ? inputs[snap.step as K] : undefined
        snap = await workflow.next(input)
        if (snap.error || snap.issues !== NO_ISSUES) break
      }
      return snap
    },
    setDraft(step, draft) {
      const core = current()
      if (!core.compiled.ids.includes(step)) goTo(core, step) // throws UNKNOWN_STEP with a hint
      const plain = toPlain(draft, 'the draft', step)
      const next: Core = update(core, { drafts: { ...core.drafts, [step]: plain } })
      // A keystroke changes drafts only: the new snapshot shares the derived fields (history, progress…) of the last one.
      store.setState(makeSnapshot(next, store.getState()), true)
    },
    getPersistedSnapshot: (serializeOptions) => serialize(current(), serializeOptions),
    destroy() {
      cancel()
      for (const unsubscribe of listeners) unsubscribe()
      listeners.clear()
    },
  }
  return workflow
}
