import type { StoreApi } from 'zustand/vanilla'
import { stepOf } from '../kernel/choose'
import { complete, fail, reject, setDraft } from '../kernel/moves'
import { type FlowState, NO_ISSUES, update } from '../kernel/state'
import { toPlain } from '../plain'
import type { Issues, StepDef, WorkflowDefinition, WorkflowSnapshot } from '../types'
import { isWorkflowError, WorkflowError } from '../WorkflowError'
import { inputPatch } from './actions'
import { isPromiseLike } from './async'
import { type Outcome, runPlain } from './pipeline'
import { type Left, redone } from './redo'
import type { Kernel } from './snapshot'

type Patch = Readonly<Record<string, unknown>>
type AnyStep = StepDef<any, string, any>

/** One transition's abort. The AbortController is made only if an action reads `signal`: it is costly. */
export interface Abort {
  aborted?: boolean
  controller?: AbortController
}

/** What `createWorkflow`'s methods share: the store, the clock, commits and the one pending transition. */
export interface Runtime {
  readonly def: WorkflowDefinition
  /** The workflow's clock (`savedAt`, expiry). */
  readonly now: () => number
  /** A move's time: the clock when the workflow keeps a journey log, else 0 (no clock is read). */
  readonly at: () => number
  readonly store: StoreApi<WorkflowSnapshot>
  readonly view: (state: FlowState, busy?: boolean, same?: WorkflowSnapshot) => WorkflowSnapshot
  pending: { promise: Promise<WorkflowSnapshot>; abort: Abort } | null
  /** A forward `goTo` going on through async steps: the flow shows `busy` until it ends (see `forward.ts`). */
  walk?: Promise<void> | null
  /** The path the flow left by going back, to be redone rather than run again (see `redo.ts`); null after a reset. */
  left: Left | null
  /** The kernel the store's snapshot shows: one record the runtime keeps up to date, so read it at once (a later move changes it). */
  current(): Kernel
  commit(next: FlowState, busy?: boolean): WorkflowSnapshot
  cancel(): void
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

/** The signal of one transition's abort, made when an action first reads it. */
const signalOf = (abort: Abort) => () => {
  abort.controller ??= new AbortController()
  if (abort.aborted) abort.controller.abort()
  return abort.controller.signal
}

/** The step failed: the state stays, the error is logged; what the user sent is kept as the step's draft, so nothing typed is lost. */
const failed = (rt: Runtime, s: FlowState, cause: unknown, plain: unknown) => {
  const { def, at } = rt
  return fail(def, s, asStepError(s.step, cause), plain, at())
}

/** The kernel's move for what a step (`step`, its definition) made of its input, `plain`: completed with `patch`, or refused with `issues`. */
const settle = (rt: Runtime, s: FlowState, step: AnyStep, plain: unknown, patch?: Patch, issues?: Issues) => {
  const { def, at } = rt
  try {
    return issues ? reject(def, s, plain, issues, at()) : complete(def, s, plain, patch as Patch, at(), step)
  } catch (cause) {
    return failed(rt, s, cause, plain)
  }
}

/**
 * `next(input)`: runs the current step's pipeline and commits the kernel's move. Synchronous work
 * commits at once; async work commits a busy snapshot, then the result, unless back/goTo/reset or a
 * rehydration came first (a stale result is dropped). While one runs, returns that one. After going
 * back, the same answer on the same path puts the step's earlier completion back (`redone`): its
 * validators and actions do not run twice.
 */
export const submit = (rt: Runtime, input: unknown): Promise<WorkflowSnapshot> => {
  if (rt.pending) return rt.pending.promise
  const { def } = rt
  const s = rt.current().state
  if (s.done) {
    throw new WorkflowError(
      'WORKFLOW_DONE',
      process.env.NODE_ENV !== 'production' &&
        `workflow '${def.id}' is done, so next() has no step to complete; call back() to reopen the final step or reset() to start over.`,
      { category: 'usage', step: s.step },
    )
  }
  let plain: unknown
  try {
    plain = toPlain(input, 'the input', s.step)
  } catch (cause) {
    return Promise.resolve(rt.commit(failed(rt, s, cause, undefined)))
  }
  // The same answer on the same path as before going back: its step is not run again.
  const again = rt.left && redone(rt, plain)
  if (again) return Promise.resolve(again)
  // The abort is made here only for actions (they may read `signal`); async validation makes its own.
  const step = stepOf(def, s.step)
  const abort: Abort | undefined = step.actions?.length ? {} : undefined
  let patch: Patch | undefined
  let result: Outcome | Promise<Outcome> | undefined
  try {
    // No schema and no actions: no user code runs, and the input is the contribution.
    if (!step.validate && !abort) patch = inputPatch(plain, s.step, true)
    else result = runPlain(def, s, step, plain, signalOf(abort ?? {}))
  } catch (cause) {
    return Promise.resolve(rt.commit(failed(rt, s, cause, plain)))
  }
  if (patch) return Promise.resolve(rt.commit(settle(rt, s, step, plain, patch)))
  if (!isPromiseLike(result))
    return Promise.resolve(rt.commit(settle(rt, s, step, plain, (result as { patch?: Patch }).patch, (result as Outcome).issues)))
  return later(rt, s, step, result, abort ?? {}, plain)
}

/** Async work: a busy snapshot now, the result when it comes, unless something moved the flow first. */
const later = (
  rt: Runtime,
  s: FlowState,
  step: AnyStep,
  result: Promise<Outcome>,
  abort: Abort,
  plain: unknown,
): Promise<WorkflowSnapshot> => {
  const promise = result
    .then(
      (outcome) => settle(rt, s, step, plain, (outcome as { patch?: Patch }).patch, outcome.issues),
      (cause) => failed(rt, s, cause, plain),
    )
    .then((next) => {
      const at = rt.current()
      if (rt.pending?.abort !== abort || !at.busy || at.state.frame !== s.frame) return rt.store.getState()
      rt.pending = null
      // Drafts typed while busy are kept; the submitted step's draft is the submitted input.
      const typed = update(next, { drafts: at.state.drafts })
      return rt.commit(plain === undefined ? typed : setDraft(rt.def, typed, s.step, plain))
    })
  rt.pending = { promise, abort }
  rt.commit(update(s, { error: null, issues: NO_ISSUES }), true)
  return promise
}
