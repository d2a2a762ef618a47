import type { FlowState } from '../kernel/state'
import { type ReplayOptions, replayState } from '../replay'
import type { WorkflowDefinition } from '../types'
import { isWorkflowError, WorkflowError } from '../WorkflowError'
import { startWorkflow, type Workflow, type WorkflowOptions } from './createWorkflow'

/**
 * The engine state a stored value resumes (replayed by `replayState`), or `undefined` when it does not
 * fit the definition: then `options.onError` is told why (category `'snapshot'`). For persistence
 * plugins, which resume what storage holds.
 */
export const resumeState = (
  definition: WorkflowDefinition,
  value: unknown,
  options: WorkflowOptions,
  extra?: Pick<ReplayOptions, 'expiresIn'>,
): FlowState | undefined => {
  try {
    return replayState(definition, value, { migrate: options.migrate, now: options.now, log: options.log, ...extra })
  } catch (cause) {
    options.onError?.(asSnapshotError(definition, cause))
    return undefined
  }
}

/**
 * Starts a workflow where a persisted snapshot (from `getPersistedSnapshot`) left off: its path is
 * replayed with the recorded contributions, so no action runs again. A snapshot that does not fit
 * (another workflow, a changed definition without `migrate`, tampered data) is reported to `onError`
 * and the flow starts fresh. A bundle that never resumes ships no replay.
 * @example
 * const saved = JSON.parse(localStorage.getItem('signup') ?? 'null')
 * const flow = saved ? resumeWorkflow(signup, saved) : createWorkflow(signup)
 */
export function resumeWorkflow<S extends object, K extends string>(
  definition: WorkflowDefinition<S, K>,
  snapshot: unknown,
  options: WorkflowOptions = {},
): Workflow<S, K> {
  return startWorkflow(definition, options, resumeState(definition as WorkflowDefinition, snapshot, options))
}

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
