import { createWorkflow, type PersistedSnapshot, type WorkflowError } from '@flowkit/core'
import { ServerError } from './http/ServerError'
import type { AnyDefinition } from './types'

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value)

/** Checks that a value has the shape of a persisted snapshot of `definition` (same id and version), before any replay. */
export const checkShape = (definition: AnyDefinition, value: unknown): PersistedSnapshot => {
  const refuse = (problem: string): never => {
    throw new ServerError('INVALID_SNAPSHOT', problem)
  }
  if (!isObject(value) || !Array.isArray(value.path)) {
    refuse('`snapshot` must be a persisted snapshot, the object `workflow.getPersistedSnapshot()` returns ({ workflow, path, step, … }).')
  }
  const snapshot = value as Record<string, unknown> & { path: unknown[] }
  if (snapshot.workflow !== definition.id) {
    refuse(`the snapshot belongs to workflow '${String(snapshot.workflow)}', but this instance runs '${definition.id}'.`)
  }
  if (snapshot.version !== definition.version) {
    refuse(
      `the snapshot was saved by version ${String(snapshot.version)} of workflow '${definition.id}', but the server runs version ${String(definition.version)}; reload the page to get the current flow.`,
    )
  }
  for (const [i, frame] of snapshot.path.entries()) {
    if (!isObject(frame) || typeof frame.step !== 'string' || !isObject(frame.patch)) {
      refuse(`path entry #${i + 1} must be { step, input, patch } as getPersistedSnapshot() writes it.`)
    }
  }
  if (typeof snapshot.step !== 'string' || typeof snapshot.done !== 'boolean')
    refuse('the snapshot needs a `step` string and a `done` boolean.')
  return snapshot as unknown as PersistedSnapshot
}

/**
 * Checks that a snapshot sent by a client resumes in `definition` (core's restore: right workflow and version,
 * a path the definition walks, JSON-safe values) and returns it. Throws `INVALID_SNAPSHOT` saying why.
 */
export const checkSnapshot = (definition: AnyDefinition, value: unknown, now: () => number): PersistedSnapshot => {
  const snapshot = checkShape(definition, value)
  let problem: WorkflowError | undefined
  const flow = createWorkflow(definition, { snapshot, now, onError: (error) => (problem ??= error) })
  flow.destroy()
  if (problem) throw new ServerError('INVALID_SNAPSHOT', problem.message.replace(/^\[flowkit\] /, ''), { step: problem.step })
  return snapshot
}
