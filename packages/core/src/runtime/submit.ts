import type { StoreApi } from 'zustand/vanilla'
import { complete, fail, reject, setDraft } from '../kernel/moves'
import { type FlowState, NO_ISSUES, update } from '../kernel/state'
import type { WorkflowDefinition, WorkflowSnapshot } from '../types'
import { isWorkflowError, WorkflowError } from '../WorkflowError'
import { isPromiseLike } from './async'
import { type Outcome, runStep } from './pipeline'
import type { Kernel } from './snapshot'

/** One transition's abort. The AbortController is made only if an action reads `signal`: it is costly. */
export interface Abort {
  aborted?: boolean
  controller?: AbortController
}

/** What `createWorkflow`'s methods share: the store, the clock, commits and the one pending transition. */
export interface Runtime {
  readonly def: WorkflowDefinition
  readonly now: () => number
  readonly store: StoreApi<WorkflowSnapshot>
  readonly view: (state: FlowState, busy?: boolean, same?: WorkflowSnapshot) => WorkflowSnapshot
  pending: { promise: Promise<WorkflowSnapshot>; abort: Abort } | null
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

/**
 * `next(input)`: runs the current step's pipeline and commits the kernel's move. Synchronous work
 * commits at once; async work commits a busy snapshot, then the result, unless back/goTo/reset or a
 * rehydration came first (a stale result is dropped). While one runs, returns that one.
 */
export const submit = (rt: Runtime, input: unknown): Promise<WorkflowSnapshot> => {
  if (rt.pending) return rt.pending.promise
  const { def, now } = rt
  const s = rt.current().state
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
      return outcome.issues ? reject(def, s, outcome.input, outcome.issues, now()) : complete(def, s, outcome.input, outcome.patch, now())
    } catch (cause) {
      return failed(cause)
    }
  }
  let result: Outcome | Promise<Outcome>
  try {
    result = runStep(def, s, input, signal, (p) => (plain = p))
  } catch (cause) {
    return Promise.resolve(rt.commit(failed(cause)))
  }
  if (!isPromiseLike(result)) return Promise.resolve(rt.commit(settle(result)))
  const promise = result.then(settle, failed).then((next) => {
    const at = rt.current()
    if (rt.pending?.abort !== abort || !at.busy || at.state.frame !== s.frame) return rt.store.getState()
    rt.pending = null
    // Drafts typed while busy are kept; the submitted step's draft is the submitted input.
    const typed = update(next, { drafts: at.state.drafts })
    return rt.commit(plain === undefined ? typed : setDraft(def, typed, s.step, plain))
  })
  rt.pending = { promise, abort }
  rt.commit(update(s, { error: null, issues: NO_ISSUES }), true)
  return promise
}
