import { createWorkflow, type PersistedSnapshot } from '@flowkit/core'
import { canonicalJson } from './canonicalJson'
import { ServerError } from './http/ServerError'
import type { AnyDefinition, ServerActions } from './types'

/** What a verified submission leaves: the server's own snapshot and final state. */
export interface Replayed {
  readonly snapshot: PersistedSnapshot
  readonly state: Record<string, unknown>
}

const describeIssues = (issues: Readonly<Record<string, readonly string[]>>) =>
  Object.entries(issues)
    .map(([field, messages]) => `${field || '(input)'}: ${messages.join(', ')}`)
    .join('; ')

export interface ReplayOptions {
  /** Actions that run only here, after the replay is verified, by step id. */
  readonly serverActions?: ServerActions
  /**
   * Top-level state keys the server computes itself (receipt numbers, timestamps, prices from a live API): their
   * values differ on every run, so the client's claim for them is not compared and the replayed value is kept.
   * @default []
   */
  readonly serverComputed?: readonly string[]
  /** The clock. @default Date.now */
  readonly now?: () => number
}

/** A patch without the keys the server computes itself, for comparison. */
const comparable = (patch: unknown, ignored: readonly string[]) => {
  const plain = JSON.parse(JSON.stringify(patch ?? {})) as Record<string, unknown>
  for (const key of ignored) delete plain[key]
  return canonicalJson(plain)
}

/**
 * Re-runs `definition` with the inputs recorded in `claimed.path` (validation, skip rules, branching and actions
 * all run here, on the server) and refuses a path that skips a required step, completes a step the answers do not
 * lead to, or whose contributions or end differ from the replay. Then runs the server-only actions.
 * Throws a `ServerError` (code and message) for a refusal. `createFlowkitHandler` calls it on submit.
 * @example
 * const { state } = await replay(enrollment, claimedSnapshot, { serverActions: { payment: [capture] } })
 */
export const replay = async (
  definition: AnyDefinition,
  claimed: PersistedSnapshot,
  { serverActions = {}, serverComputed = [], now = Date.now }: ReplayOptions = {},
): Promise<Replayed> => {
  const flow = createWorkflow(definition, { now })
  try {
    for (const [i, frame] of claimed.path.entries()) {
      const at = flow.getSnapshot()
      if (at.status === 'done') {
        throw new ServerError('UNREACHABLE_STEP', `the path goes on after the final step '${at.step}', at '${frame.step}'.`, {
          step: frame.step,
        })
      }
      if (frame.step !== at.step) {
        const later = claimed.path.slice(i).some((f) => f.step === at.step)
        throw later
          ? new ServerError(
              'UNREACHABLE_STEP',
              `the path completes step '${frame.step}', which the answers so far do not lead to: replayed, the flow is at '${at.step}' there.`,
              { step: frame.step },
            )
          : new ServerError(
              'REQUIRED_STEP_SKIPPED',
              `the path skips required step '${at.step}' (it completes '${frame.step}' instead); complete '${at.step}' before submitting.`,
              { step: at.step },
            )
      }
      const after = await flow.next(frame.input)
      if (Object.keys(after.issues).length > 0) {
        throw new ServerError('INVALID_INPUT', `the input of step '${frame.step}' is invalid: ${describeIssues(after.issues)}.`, {
          step: frame.step,
          extra: { issues: after.issues },
        })
      }
      if (after.error) {
        throw new ServerError(
          'REPLAY_FAILED',
          `step '${frame.step}' failed when replayed: ${after.error.message.replace(/^\[flowkit\] /, '')}`,
          {
            step: frame.step,
          },
        )
      }
      const patch = flow.getPersistedSnapshot().path[i]?.patch
      if (comparable(patch, serverComputed) !== comparable(frame.patch, serverComputed)) {
        throw new ServerError(
          'STATE_MISMATCH',
          `step '${frame.step}' contributed ${canonicalJson(frame.patch)} to the state, but replayed with its input it contributes ${canonicalJson(patch)}.`,
          { step: frame.step },
        )
      }
    }
    const end = flow.getSnapshot()
    if (claimed.step !== end.step || claimed.done !== (end.status === 'done')) {
      throw new ServerError(
        'STATE_MISMATCH',
        `the snapshot claims to be at step '${String(claimed.step)}' (done: ${String(claimed.done)}), but its path, replayed, ends at '${end.step}' (done: ${String(end.status === 'done')}).`,
      )
    }
    if (end.status !== 'done') {
      throw new ServerError('NOT_FINISHED', `the flow is at step '${end.step}', not finished; submit after completing the final step.`, {
        step: end.step,
      })
    }
    let state = { ...(end.state as Record<string, unknown>) }
    for (const frame of claimed.path) {
      for (const action of serverActions[frame.step] ?? []) {
        try {
          const patch = await action({ state, input: frame.input, step: frame.step, signal: new AbortController().signal })
          if (patch) state = { ...state, ...patch }
        } catch (cause) {
          throw new ServerError(
            'SERVER_ACTION_FAILED',
            `the server action of step '${frame.step}' failed: ${cause instanceof Error ? cause.message : String(cause)}; nothing was submitted, try again.`,
            { step: frame.step, cause },
          )
        }
      }
    }
    return { snapshot: flow.getPersistedSnapshot(), state }
  } finally {
    flow.destroy()
  }
}
