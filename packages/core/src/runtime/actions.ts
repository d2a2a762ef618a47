import { stateAt } from '../kernel/moves'
import { merged, viewOf } from '../kernel/scope'
import type { FlowState } from '../kernel/state'
import { frozen, isPlainObject, toPatch, toPlain } from '../plain'
import type { Action, StepDef, WorkflowDefinition } from '../types'
import { WorkflowError } from '../WorkflowError'
import { isPromiseLike } from './async'

type Patch = Readonly<Record<string, unknown>>

/** A write to a frozen object: an action changed `ctx.state` or `ctx.input` in place. */
const isFrozenWrite = (cause: unknown) =>
  cause instanceof TypeError && /read[- ]only|not extensible|Cannot (assign|add|delete|define)/i.test(cause.message)

const failure = (step: string, index: number, cause: unknown, what = 'action') =>
  cause instanceof WorkflowError
    ? cause
    : isFrozenWrite(cause)
      ? new WorkflowError(
          'STATE_IMMUTABLE',
          process.env.NODE_ENV !== 'production' &&
            `${what} #${index + 1} of step '${step}' changed ctx.state or ctx.input in place (${(cause as Error).message}); they are frozen. Return a patch such as { paid: true } instead. The state is unchanged.`,
          { category: 'transition', step, cause },
        )
      : new WorkflowError(
          what === 'action' ? 'ACTION_FAILED' : 'SERVER_ACTION_FAILED',
          process.env.NODE_ENV !== 'production' &&
            `${what} #${index + 1} of step '${step}' failed: ${cause instanceof Error ? cause.message : String(cause)}. The state is unchanged; try again.`,
          { category: what === 'action' ? 'transition' : 'server', step, cause },
        )

export interface ActionRun {
  readonly step: string
  readonly state: object
  readonly input: unknown
  readonly actions: readonly Action<any, string, any>[]
  readonly signal: () => AbortSignal
  /** Extra context fields (a server action's `idempotencyKey`), by action index. */
  readonly extra?: (index: number) => Record<string, unknown>
  readonly what?: 'action' | 'server action'
}

/** Runs actions in order, each seeing the state with the previous patches applied; returns their merged patch. */
export const runActionList = ({
  step,
  state: initial,
  input,
  actions,
  signal,
  extra,
  what = 'action',
}: ActionRun): Patch | Promise<Patch> => {
  let state = initial
  let patch: Patch = {}
  const apply = (result: unknown, i: number) => {
    if (result !== undefined && result !== null && !isPlainObject(result)) {
      throw new WorkflowError(
        'ACTION_FAILED',
        process.env.NODE_ENV !== 'production' &&
          `${what} #${i + 1} of step '${step}' returned ${Array.isArray(result) ? 'an array' : typeof result}; return an object patch such as { paid: true }, or nothing.`,
        { category: 'transition', step },
      )
    }
    // What the copy is called only shows in development messages: production builds drop the text.
    const clean = toPlain(result ?? {}, process.env.NODE_ENV !== 'production' ? `the patch of ${what} #${i + 1}` : '', step) as Patch
    for (const _ in clean) {
      patch = { ...patch, ...clean }
      state = merged(state, clean)
      break
    }
  }
  const from = (start: number): Patch | Promise<Patch> => {
    for (let i = start; i < actions.length; i++) {
      let result: unknown
      try {
        const ctx = {
          state,
          input,
          step,
          get signal() {
            return signal()
          },
        }
        result = (actions[i] as (ctx: unknown) => unknown)(extra ? Object.assign(ctx, extra(i)) : ctx)
      } catch (cause) {
        throw failure(step, i, cause, what)
      }
      if (isPromiseLike(result)) {
        return Promise.resolve(result).then(
          (resolved) => {
            apply(resolved, i)
            return from(i + 1)
          },
          (cause) => {
            throw failure(step, i, cause, what)
          },
        )
      }
      apply(result, i)
    }
    return frozen(patch)
  }
  return from(0)
}

/** The contribution of a step without actions, its input: checked to be an object; one that is `copied` (a plain copy already) is used as it is. */
export const inputPatch = (value: unknown, step: string, copied: boolean): Patch =>
  copied && isPlainObject(value) ? value : toPatch(value, 'the input', step)

/**
 * The contribution of the current step (`step`, its definition): its actions' patches merged in order, or, without actions,
 * the validated input itself. `copied`: `value` is already a frozen copy (no validator transformed it).
 * A validator's output goes to the actions as it is (it may hold a Date from `z.coerce.date()`): only
 * what is stored (the raw input and the patch) must be JSON.
 */
export const runActions = (
  definition: WorkflowDefinition,
  s: FlowState,
  step: StepDef<any, string, any>,
  value: unknown,
  signal: () => AbortSignal,
  copied: boolean,
): Patch | Promise<Patch> => {
  const { actions } = step
  if (!actions || actions.length === 0) return inputPatch(value, s.step, copied)
  // A sub-flow's or repeat's step sees its child's data, and its patch goes there.
  return runActionList({ step: s.step, state: viewOf(step, stateAt(definition, s.frame)), input: value, actions, signal })
}
