import { isPromiseLike } from './async'
import { type Core, stateOf, stepDef } from './core'
import { isPlainObject, toPatch, toPlain } from './plain'
import { WorkflowError } from './WorkflowError'

type Patch = Record<string, unknown>

const failure = (step: string, index: number, cause: unknown) =>
  cause instanceof WorkflowError
    ? cause
    : new WorkflowError(
        'ACTION_FAILED',
        process.env.NODE_ENV !== 'production' &&
          `action #${index + 1} of step '${step}' failed: ${cause instanceof Error ? cause.message : String(cause)}. The state is unchanged; call next() again to retry.`,
        { step, cause },
      )

/**
 * `copied`: `value` is already a safe copy (no validator transformed it).
 * The contribution of the current step: its actions' patches merged in order (each action sees the
 * state with the previous patches applied), or, without actions, the validated input itself.
 */
export const runActions = (core: Core, value: unknown, signal: () => AbortSignal, copied: boolean): Patch | Promise<Patch> => {
  const id = core.step
  const actions = stepDef(core, id).actions ?? []
  if (actions.length === 0) {
    // The input was copied already unless a validator produced a new value.
    return copied && isPlainObject(value) ? value : toPatch(value, 'the input', id)
  }
  let state = stateOf(core)
  let patch: Patch = {}
  const apply = (result: unknown, i: number) => {
    if (result !== undefined && result !== null && !isPlainObject(result)) {
      throw new WorkflowError(
        'ACTION_FAILED',
        process.env.NODE_ENV !== 'production' &&
          `action #${i + 1} of step '${id}' returned ${Array.isArray(result) ? 'an array' : typeof result}; return an object patch such as { paid: true }, or nothing.`,
        { step: id },
      )
    }
    const clean = toPlain(result ?? {}, `the patch of action #${i + 1}`, id)
    patch = { ...patch, ...clean }
    state = { ...state, ...clean }
  }
  const from = (start: number): Patch | Promise<Patch> => {
    for (let i = start; i < actions.length; i++) {
      let result: unknown
      try {
        result = (actions[i] as (ctx: unknown) => unknown)({
          state,
          input: value,
          step: id,
          get signal() {
            return signal()
          },
        })
      } catch (cause) {
        throw failure(id, i, cause)
      }
      if (isPromiseLike(result)) {
        return Promise.resolve(result).then(
          (resolved) => {
            apply(resolved, i)
            return from(i + 1)
          },
          (cause) => {
            throw failure(id, i, cause)
          },
        )
      }
      apply(result, i)
    }
    return patch
  }
  return from(0)
}
