import { type PersistedSnapshot, replay } from '@flowkit/core'
import { refusal } from './http/errors'
import type { AnyDefinition } from './types'

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value)

/** The top-level fields of a persisted snapshot: anything else is refused, not stored. */
const FIELDS = new Set(['workflow', 'version', 'path', 'step', 'done', 'drafts', 'log', 'savedAt'])

/** Refuses a snapshot with fields a persisted snapshot does not have (they would be stored verbatim). */
export const checkFields = (value: unknown): void => {
  if (!isObject(value)) {
    throw refusal(
      'INVALID_SNAPSHOT',
      '`snapshot` must be a persisted snapshot, the object `getPersistedSnapshot(workflow)` returns ({ workflow, path, step, … }).',
    )
  }
  const unknown = Object.keys(value).filter((key) => !FIELDS.has(key))
  if (unknown.length > 0) {
    throw refusal(
      'INVALID_SNAPSHOT',
      `the snapshot has unknown field${unknown.length > 1 ? 's' : ''} ${unknown
        .slice(0, 5)
        .map((k) => JSON.stringify(k.slice(0, 40)))
        .join(', ')}; send what getPersistedSnapshot() returns: ${[...FIELDS].join(', ')}.`,
    )
  }
}

/**
 * Checks that a snapshot sent by a client resumes in `definition` (core's `replay`: right workflow and version,
 * a path the definition walks, JSON-safe values) and returns it. Throws core's `WorkflowError` saying why.
 */
export const checkSnapshot = (definition: AnyDefinition, value: unknown, now: () => number): PersistedSnapshot => {
  checkFields(value)
  replay(definition, value, { now })
  return value as PersistedSnapshot
}
