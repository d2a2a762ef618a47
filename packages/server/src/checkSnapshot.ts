import { isPlainObject, type PersistedSnapshot, replay } from '@flowkit/core'
import { refusal } from './http/errors'
import { type Migrations, migrating, unwrapped } from './migrating'
import type { AnyDefinition } from './types'

/** The top-level fields of a persisted snapshot: anything else is refused, not stored. */
const FIELDS = new Set(['workflow', 'version', 'path', 'step', 'done', 'drafts', 'log', 'savedAt'])

/** Refuses a snapshot with fields a persisted snapshot does not have (they would be stored verbatim). */
export const checkFields = (value: unknown): void => {
  if (!isPlainObject(value)) {
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
 * Checks that a snapshot sent by a client resumes in `definition` (core's `replay`: right workflow and version, or
 * an older version the handler's migration converts; a path the definition walks, JSON-safe values) and returns the
 * snapshot to store: the one sent, or what the migration made of it. Throws core's `WorkflowError` saying why.
 */
export const checkSnapshot = (definition: AnyDefinition, value: unknown, now: () => number, migrations: Migrations): PersistedSnapshot => {
  checkFields(value)
  const { migrate, migrated } = migrating(migrations, definition)
  try {
    replay(definition, value, { now, migrate })
  } catch (error) {
    throw unwrapped(error)
  }
  const out = migrated()
  // Stored as it is: it must not carry fields a snapshot does not have either.
  if (out) checkFields(out)
  return out ?? (value as PersistedSnapshot)
}

/**
 * A stored snapshot in `definition`'s current version, for an answer (a load, the `current` of a 409): as it is,
 * or converted by the handler's migration; without one, as it is (a browser's own `migrate` may convert it).
 */
export const inCurrentVersion = (definition: AnyDefinition, stored: PersistedSnapshot, now: () => number, migrations: Migrations) =>
  // The same test as core's replay: a snapshot of this version needs no replay to be answered.
  stored.version === definition.version || !Object.hasOwn(migrations, definition.id)
    ? stored
    : checkSnapshot(definition, stored, now, migrations)
