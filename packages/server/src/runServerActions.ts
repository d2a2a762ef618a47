import { isPlainObject, isWorkflowError, type PersistedSnapshot } from '@flowkit/core'
import { refusal } from './http/errors'
import type { ServerActions } from './types'

export interface ServerActionRun {
  readonly actions: ServerActions
  /** The verified snapshot: its path gives the order and each step's input. */
  readonly snapshot: PersistedSnapshot
  /** The verified state the first action sees. */
  readonly state: Readonly<Record<string, unknown>>
  /** Base of each action's idempotency key: `${key}:${step}:${index}`. */
  readonly key: string
  /** Aborted when the claim's lease runs out. */
  readonly signal: AbortSignal
}

/**
 * Runs the server-only actions in path order (index counted per step), each seeing the state with the patches of
 * the ones before, and returns the final state. A throw becomes `SERVER_ACTION_FAILED` naming the step and action.
 */
export const runServerActions = async ({ actions, snapshot, state: verified, key, signal }: ServerActionRun) => {
  let state = Object.freeze({ ...verified })
  for (const frame of snapshot.path) {
    const list = actions[frame.step] ?? []
    for (const [index, action] of list.entries()) {
      let patch: unknown
      try {
        signal.throwIfAborted()
        patch = await action({ state, input: frame.input, step: frame.step, signal, idempotencyKey: `${key}:${frame.step}:${index}` })
      } catch (cause) {
        if (isWorkflowError(cause) && cause.code === 'SERVER_ACTION_FAILED') throw cause
        throw refusal(
          'SERVER_ACTION_FAILED',
          `server action #${index + 1} of step '${frame.step}' failed: ${cause instanceof Error ? cause.message : String(cause)}; nothing was submitted, try again.`,
          { step: frame.step, cause },
        )
      }
      if (patch !== undefined && patch !== null && !isPlainObject(patch)) {
        throw refusal(
          'SERVER_ACTION_FAILED',
          `server action #${index + 1} of step '${frame.step}' returned ${Array.isArray(patch) ? 'an array' : typeof patch}; return an object patch such as { paymentId }, or nothing.`,
          { step: frame.step },
        )
      }
      if (patch) state = Object.freeze({ ...state, ...JSON.parse(JSON.stringify(patch)) })
    }
  }
  return state as Record<string, unknown>
}
