import { toPatch, toPlain } from '../plain'
import type { Issues, WorkflowDefinition } from '../types'
import type { WorkflowError } from '../WorkflowError'
import { back, complete, fail, goTo, initialState, reject, reset, setDraft } from './moves'
import type { FlowState } from './state'

/** What can happen to a flow. `at` is the event's time (the kernel reads no clock). */
export type FlowEvent =
  /** The current step is completed with `input`; `patch` is its contribution (default: the input itself, as a step without actions merges it). */
  | { readonly type: 'complete'; readonly input?: unknown; readonly patch?: Readonly<Record<string, unknown>>; readonly at: number }
  | { readonly type: 'back'; readonly at: number }
  | { readonly type: 'goTo'; readonly step: string; readonly at: number }
  | { readonly type: 'reset'; readonly at: number }
  | { readonly type: 'setDraft'; readonly step: string; readonly draft: unknown }
  /** The submitted input did not validate. */
  | { readonly type: 'reject'; readonly input?: unknown; readonly issues: Issues; readonly at: number }
  /** The current step failed (an action threw). */
  | { readonly type: 'fail'; readonly error: WorkflowError; readonly input?: unknown; readonly at: number }

/**
 * The kernel's one entry: the state after `event`, as a pure function of (definition, state, event).
 * No store, no promises, no clock: tools, tests and servers compute flows with it, and
 * `createWorkflow` is a thin runtime around it. Throws what the move throws (NO_CHOICE, NOT_VISITED…).
 * @example
 * let s = initialState(checkout, Date.now())
 * s = transition(checkout, s, { type: 'complete', input: { items: ['e-book'] }, at: Date.now() })
 */
export const transition = (definition: WorkflowDefinition, state: FlowState, event: FlowEvent): FlowState => {
  switch (event.type) {
    case 'complete': {
      const input = toPlain(event.input, 'the input', state.step)
      return complete(definition, state, input, toPatch(event.patch ?? input, 'the input', state.step), event.at)
    }
    case 'back':
      return back(definition, state, event.at)
    case 'goTo':
      return goTo(definition, state, event.step, event.at)
    case 'reset':
      return reset(definition, state, event.at)
    case 'setDraft':
      return setDraft(definition, state, event.step, toPlain(event.draft, 'the draft', event.step))
    case 'reject':
      return reject(definition, state, toPlain(event.input, 'the input', state.step), event.issues, event.at)
    case 'fail':
      return fail(definition, state, event.error, toPlain(event.input, 'the input', state.step), event.at)
  }
}

export { initialState }
