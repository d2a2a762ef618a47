import { createStore, type StateCreator, type StoreApi } from 'zustand/vanilla'
import type { JourneyLog } from '../kernel/log'
import { back, fail, goTo, initialState, isAhead, reset, setDraft } from '../kernel/moves'
import { type FlowState, NO_ISSUES } from '../kernel/state'
import { toPlain } from '../plain'
import type { ReplayOptions } from '../replay'
import type { WorkflowDefinition, WorkflowSnapshot } from '../types'
import { WorkflowError } from '../WorkflowError'
import { forward, walkInput } from './forward'
import { leaving, standing } from './redo'
import { flowOf, snapshotOf } from './snapshot'
import { type Runtime, submit } from './submit'

/**
 * What a persistence plugin (see `@flowkit/core/persist`) gets from the engine. The plugin brings its
 * own serialization (`serialize`, `resumeState`), so a workflow without one ships none of it.
 */
export interface PersistenceHost {
  readonly definition: WorkflowDefinition
  /** The options the workflow was created with: `migrate`, `log`, `onError`… */
  readonly options: WorkflowOptions
  /** The workflow's clock (the `now` option, else `Date.now`). */
  now(): number
  /** The engine's state behind a snapshot of this workflow (the current state for a snapshot it did not make). */
  stateOf(snapshot: WorkflowSnapshot): FlowState
  /** The snapshot of an engine state, e.g. one `resumeState` replayed. */
  view(state: FlowState): WorkflowSnapshot
  /** Passes a problem (storage failing, unreadable data) to the `onError` option. */
  report(error: WorkflowError): void
  /**
   * Storage is read later, not while the store is created: `useWorkflow` sets it so that the first
   * render matches the server's, then rehydrates in an effect. A plugin honours it unless told otherwise.
   */
  readonly deferHydration?: boolean
}

/** Wraps the store's creator, as zustand middleware does. `persist()` from `@flowkit/core/persist` makes one. */
export type WorkflowPersistence = (
  host: PersistenceHost,
) => (creator: StateCreator<WorkflowSnapshot>) => StateCreator<WorkflowSnapshot, [], any>

export interface WorkflowOptions {
  /** Converts a snapshot saved by another `version` of the definition (for `resumeWorkflow` and `persist`). */
  readonly migrate?: ReplayOptions['migrate']
  /** Told about every error: a failed action, a choice with no match, a snapshot that could not be resumed. */
  readonly onError?: (error: WorkflowError) => void
  /** Saves and resumes through storage: `persist({ key: 'checkout' })` from `@flowkit/core/persist`. */
  readonly persist?: WorkflowPersistence
  /** The clock for the journey log, `savedAt` and snapshot expiry. @default Date.now */
  readonly now?: () => number
  /**
   * Records the journey in `snapshot.log` (entered, completed, skipped, back, invalid, error…):
   * `journeyLog()`, or `journeyLog({ limit })` to keep other than the last 500 entries. Journey
   * diagrams and the server's insights read it. Without it the log is empty and costs nothing.
   */
  readonly log?: JourneyLog
}

export interface RunOptions<K extends string = string> {
  /**
   * Stops a flow that loops with the same inputs (`RUN_LIMIT`). With `until`, a `maxSteps` you give is
   * how far to go towards it at most: reaching it stops the run quietly where it is.
   * @default 10,000, or four times the definition's steps when that is more (a repeat of many items)
   */
  readonly maxSteps?: number
  /**
   * Stops when this step becomes current (it is not completed). With `snapshot.drafts` as inputs this
   * is "change an answer, then return to the check-answers page": the steps in between are completed
   * again with what the user entered before, and any that no longer validates stops the run there, as
   * does one with validation that the inputs give nothing (where the user goes on by hand, no issues shown).
   * @example
   * await flow.next(changedAddress)
   * await flow.run(flow.getSnapshot().drafts, { until: 'review' })
   */
  readonly until?: K
}

/** Options of `goTo`. */
export interface GoToOptions {
  /**
   * Forward even to a step visited before, as a step further on: when the step lies behind and ahead
   * (an item of a repeat opened again, a loop), `goTo` would go back to its last visit and drop what
   * came after; this goes on from here through the answers instead. `NOT_VISITED` when the step
   * cannot follow the current one.
   * @example
   * flow.goTo('dependants.1.birthDate', { forward: true }) // from dependants.1.name, opened again
   */
  readonly forward?: boolean
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
  /**
   * Back to a step visited on the current path, or forward to one further on: the steps in between
   * are completed again with their drafts, each validated and run, and the first whose answer is
   * missing or no longer holds stops it there, as `next()` would leave it (its `issues`, or its
   * action's `error`); `FORWARD_BLOCKED` only when the answers reach the end, or go round a loop, without passing `step`.
   * Throws `NOT_VISITED` for a step that can neither be returned to nor reached from here.
   * With async steps on the way the snapshot is `busy`: `await settled(flow)` for where it stops.
   */
  goTo(step: K, options?: GoToOptions): WorkflowSnapshot<S, K>
  /** Back to the start, with no state, drafts or history. */
  reset(): WorkflowSnapshot<S, K>
  /**
   * Completes steps until the flow is done, an action fails or validation rejects; `inputs` gives each step's input.
   * A repeat's summary given its draft (`run(flow.getSnapshot().drafts)`) adds back the items the user went on with
   * last time, then goes on, as `goTo` forward does; given nothing, it goes on.
   */
  run(inputs?: { readonly [P in K]?: unknown }, options?: RunOptions<K>): Promise<WorkflowSnapshot<S, K>>
  /** Keeps what the user typed for a step (so it survives unmount, back and reload) without submitting it. */
  setDraft(step: K, draft: unknown): void
  /** Aborts a running transition and drops all listeners. */
  destroy(): void
}

/**
 * Starts a workflow instance: a thin runtime around the kernel's pure moves. It holds the zustand
 * store, runs the input pipeline (validation and actions, possibly async, with abort) through
 * `submit`, keeps one pending transition, and reports errors to `onError`.
 * @example
 * const flow = createWorkflow(signup)
 * await flow.next({ email: 'ada@example.com' })
 */
export function createWorkflow<S extends object, K extends string>(
  definition: WorkflowDefinition<S, K>,
  options: WorkflowOptions = {},
): Workflow<S, K> {
  // Resuming moved to its own function, so that apps that never resume do not ship replay, and the
  // journey log to an option: an option passed the old way must not silently start afresh or log nothing.
  const old = options as { snapshot?: unknown; logLimit?: unknown }
  if (old.snapshot !== undefined || old.logLimit !== undefined) {
    throw new WorkflowError(
      'INVALID_OPTION',
      process.env.NODE_ENV !== 'production' &&
        (old.snapshot !== undefined
          ? `createWorkflow() takes no \`snapshot\` option: resume workflow '${definition.id}' with resumeWorkflow(definition, snapshot, options) from '@flowkit/core'.`
          : `createWorkflow() takes no \`logLimit\` option: record the journey of workflow '${definition.id}' with { log: journeyLog({ limit: ${String(old.logLimit)} }) } (journeyLog from '@flowkit/core').`),
      { category: 'usage' },
    )
  }
  return startWorkflow(definition, options)
}

/** The runtime of a workflow, under a symbol on it, for functions such as `getPersistedSnapshot`. */
export const RUNTIME: unique symbol = Symbol.for('flowkit.runtime')

/** Starts an instance at `first` (a replayed state) or at the definition's start. */
export const startWorkflow = <S extends object, K extends string>(
  definition: WorkflowDefinition<S, K>,
  options: WorkflowOptions,
  first?: FlowState,
): Workflow<S, K> => {
  const rt = runtime(definition as WorkflowDefinition, options, first)
  const { def, at, store } = rt
  const listeners = new Set<() => void>()
  const snapshot = () => store.getState() as WorkflowSnapshot<S, K>
  const run = oneAtATime((inputs?: Readonly<Record<string, unknown>>, runOptions?: RunOptions) =>
    runAll(rt, (input: unknown) => workflow.next(input), inputs, runOptions),
  )
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
    next: (input) => submit(rt, input) as Promise<WorkflowSnapshot<S, K>>,
    back() {
      rt.cancel()
      const { state } = rt.current()
      leaving(rt, state)
      return standing(rt, rt.commit(back(def, state, at()))) as WorkflowSnapshot<S, K>
    },
    goTo(step, options) {
      const { state } = rt.current()
      const again = options?.forward
      if (isAhead(def, state, step, again)) {
        rt.cancel()
        return forward(rt, step) as WorkflowSnapshot<S, K>
      }
      const target = goTo(def, state, step, at(), again)
      rt.cancel()
      // goTo the current step moves nowhere: the path left stays as it stands (it is not this one).
      if (target.frame === state.frame) return rt.commit(target) as WorkflowSnapshot<S, K>
      leaving(rt, state)
      return standing(rt, rt.commit(target)) as WorkflowSnapshot<S, K>
    },
    reset() {
      rt.cancel()
      rt.left = null
      return rt.commit(reset(def, rt.current().state, at())) as WorkflowSnapshot<S, K>
    },
    run: run as Workflow<S, K>['run'],
    setDraft(step, draft) {
      const { state, busy } = rt.current()
      // A keystroke changes drafts only: the new snapshot shares the derived fields (history, progress…) of the last one.
      store.setState(rt.view(setDraft(def, state, step, toPlain(draft, 'the draft', step)), busy, store.getState()), true)
    },
    destroy: () => destroy(rt, listeners),
  }
  ;(workflow as unknown as Record<symbol, Runtime>)[RUNTIME] = rt
  if (process.env.NODE_ENV !== 'production') movedMethod(workflow)
  return workflow
}

/**
 * `run` one at a time: one asked for while another goes on (two quick presses of the browser's forward
 * button) starts where that one stops, so no step is completed with another step's input.
 */
const oneAtATime = <A extends unknown[], R>(run: (...args: A) => Promise<R>) => {
  let running: Promise<R> | null = null
  return (...args: A): Promise<R> => {
    const go = () => run(...args)
    const ran = running ? running.then(go, go) : go()
    const done = () => {
      if (running === ran) running = null
    }
    running = ran
    ran.then(done, done)
    return ran
  }
}

/** `destroy()`: aborts the work under way and drops the listeners. */
const destroy = (rt: Runtime, listeners: Set<() => void>) => {
  const { state, busy } = rt.current()
  rt.cancel()
  for (const unsubscribe of listeners) unsubscribe()
  listeners.clear()
  // The aborted work would leave its busy snapshot for good (and `settled` waiting): it stands where it was, idle.
  if (busy) rt.commit(state)
}

/** In development, the old method says where it went. */
const movedMethod = (workflow: object) =>
  Object.defineProperty(workflow, 'getPersistedSnapshot', {
    value: () => {
      throw new WorkflowError(
        'INVALID_OPTION',
        "workflow.getPersistedSnapshot() is now a function: getPersistedSnapshot(workflow, options) from '@flowkit/core'.",
        { category: 'usage' },
      )
    },
  })

const zero = () => 0

/** The store (with persistence when asked), the clock, commits and the pending transition of one instance. */
const runtime = (def: WorkflowDefinition, options: WorkflowOptions, start?: FlowState): Runtime => {
  // The definition is checked and compiled by the first state (`initialState`, or the replay that made `start`).
  const now = options.now ?? Date.now
  // A move's time goes to the journey log only: without one, no clock is read per move.
  const at = options.log ? now : zero
  const report = (error: WorkflowError) => options.onError?.(error)
  const view = (state: FlowState, busy = false, same?: WorkflowSnapshot) => snapshotOf(def, state, busy, same)
  const first = start ?? initialState(def, at(), options.log?.() ?? null)
  const creator: StateCreator<WorkflowSnapshot> = () => view(first)
  const host: PersistenceHost = {
    definition: def,
    options,
    now,
    stateOf: (snapshot) => flowOf(snapshot) ?? rt.current().state,
    view: (state) => view(state),
    report,
  }
  const store: StoreApi<WorkflowSnapshot> = createStore<WorkflowSnapshot>(options.persist ? options.persist(host)(creator) : creator)
  // The store's kernel, one record kept up to date rather than one made per move (see `Runtime.current`).
  const kernel = { definition: def, state: first, busy: false }
  const rt: Runtime = {
    def,
    now,
    at,
    store,
    view,
    pending: null,
    left: null,
    // What the store's snapshot shows; the last one committed if someone replaced the store's state by hand.
    current: () => {
      const snapshot = store.getState()
      const state = flowOf(snapshot)
      if (state) {
        kernel.state = state
        kernel.busy = snapshot.status === 'busy'
      }
      return kernel
    },
    commit(next, busy = false) {
      const { error } = next
      // The error before the move matters only when the move ends in one (it is reported once).
      const previous = error && rt.current().state.error
      store.setState(view(next, busy || !!rt.walk), true)
      if (error && error !== previous) report(error)
      return store.getState()
    },
    cancel() {
      if (rt.pending) {
        rt.pending.abort.aborted = true
        rt.pending.abort.controller?.abort()
      }
      rt.pending = null
      rt.walk = null
    },
  }
  return rt
}

/** A repeat summary's draft (`{ items }`), not one of its commands (`{ action }`). */
const isRecord = (value: unknown): boolean => typeof value === 'object' && value !== null && !('action' in value)

/** Completes steps until the flow is done, a step fails or validation rejects, or `until` is current. */
const runAll = async (
  rt: Runtime,
  next: (input: unknown) => Promise<WorkflowSnapshot>,
  inputs: Readonly<Record<string, unknown>> = {},
  { maxSteps, until }: RunOptions = {},
) => {
  const limit = maxSteps ?? Math.max(10_000, Object.keys(rt.def.steps).length * 4)
  // A forward goTo under way goes on to its end first; so does a step's async work.
  if (rt.walk) await rt.walk
  let snap = rt.pending ? await rt.pending.promise : (rt.store.getState() as WorkflowSnapshot)
  const given = (step: string) => (Object.hasOwn(inputs, step) ? inputs[step] : undefined)
  // A repeat's summary given its draft (its record of going on, `{ items }`: `run(drafts)`) adds back those items, as
  // `goTo` forward does, even at `until`. Not given, it goes on, as before.
  const walks = (step: string) => !!rt.def.steps[step]?.summary && isRecord(given(step))
  const input = (step: string) => (walks(step) ? walkInput(rt.def, rt.current().state, until) : given(step))
  for (
    let count = 0;
    snap.status !== 'done' && (snap.step !== until || (walks(until) && walkInput(rt.def, rt.current().state, until) !== undefined));
    count++
  ) {
    if (count >= limit) {
      // "Go forward at most this far towards `until`" (browser forward): reaching the bound is an answer, not a loop.
      if (until !== undefined && maxSteps !== undefined) return snap
      const error = new WorkflowError(
        'RUN_LIMIT',
        process.env.NODE_ENV !== 'production' &&
          `run() completed ${limit} steps without finishing workflow '${rt.def.id}'; a loop keeps getting the same input. Give the looping step an input that leaves the loop, or raise maxSteps.`,
        { category: 'transition', step: snap.step },
      )
      return rt.commit(fail(rt.def, rt.current().state, error, undefined, rt.at()))
    }
    const value = input(snap.step)
    const step = rt.def.steps[snap.step]
    // Towards `until`, a step given nothing that checks its input is where the user goes on by hand, as
    // `goTo` forward stops there: no issues for an answer never given (a new branch, a field never stored).
    if (until !== undefined && value === undefined && step?.validate && !step.summary) break
    await next(value)
    // Where the flow stands now: what the step's promise gave may be older (other work ended meanwhile).
    snap = rt.store.getState()
    if (snap.error || snap.issues !== NO_ISSUES) break
  }
  return snap
}
