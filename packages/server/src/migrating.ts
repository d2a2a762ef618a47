import { didYouMean, isWorkflowError, type PersistedSnapshot, WorkflowError } from '@flowkit/core'
import { refusal } from './http/errors'
import type { AnyDefinition, Migration } from './types'

/** The handler's `migrations`, by workflow id. */
export type Migrations = Readonly<Record<string, Migration>>

/** One replay's `migrate` for core, and what it returned when core called it. */
export interface Migrating {
  readonly migrate: Migration
  /** The snapshot at the definition's version that `migrate` made, if core called it (the snapshot was older). */
  readonly migrated: () => PersistedSnapshot | undefined
}

/** The refusals `migrate` throws for a definition with no migration: core wraps them, `unwrapped` gives them back. */
const missing = new WeakSet<object>()

/** `{ signup: … }`, or `{ 'sign-up': … }` for an id that is not a plain identifier. */
const keyOf = (id: string) => (/^[A-Za-z_$][\w$]*$/.test(id) ? id : JSON.stringify(id))

/** Why a snapshot of another version is refused, and how to give the handler the migration it needs. */
const noMigration = (definition: AnyDefinition, fromVersion: unknown) => {
  const error = refusal(
    'SNAPSHOT_MISMATCH',
    `the snapshot was saved by version ${JSON.stringify(fromVersion ?? null).slice(0, 40)} of workflow '${definition.id}', which is now version ${JSON.stringify(definition.version ?? null)}; give the handler a migration for it: createFlowkitHandler({ definitions, store, migrations: { ${keyOf(definition.id)}: (snapshot, fromVersion) => /* that snapshot at version ${JSON.stringify(definition.version ?? null)} */ } }) (see "Deploying a new version of a flow" in the @flowkit/server README).`,
  )
  missing.add(error)
  return error
}

/**
 * The `migrate` core's `replay` calls for a snapshot of another version (core decides when, and checks what it
 * returns): the handler's migration of `definition`, given a copy (the request's snapshot stays as it came), or a
 * refusal saying how to pass one.
 */
export const migrating = (migrations: Migrations, definition: AnyDefinition): Migrating => {
  const migration = Object.hasOwn(migrations, definition.id) ? migrations[definition.id] : undefined
  let out: PersistedSnapshot | undefined
  return {
    migrate: (snapshot, fromVersion) => {
      if (!migration) throw noMigration(definition, fromVersion)
      out = migration(structuredClone(snapshot), fromVersion)
      return out
    },
    migrated: () => out,
  }
}

/** Core reports a throw of `migrate` as `INVALID_SNAPSHOT` with it as `cause`: the handler's own refusal is answered as it is. */
export const unwrapped = (error: unknown): unknown =>
  isWorkflowError(error) && typeof error.cause === 'object' && error.cause !== null && missing.has(error.cause) ? error.cause : error

/** The migrations by workflow id, checked once: each names a served definition and is a function. */
export const migrationsOf = (given: Migrations | undefined, ids: readonly string[]): Migrations => {
  const invalid = (id: string, message: string) =>
    new WorkflowError('INVALID_OPTION', `createFlowkitHandler: ${message}`, {
      category: 'usage',
      details: { option: 'migrations', workflow: id },
    })
  for (const [id, migration] of Object.entries(given ?? {})) {
    if (!ids.includes(id)) {
      const hint = didYouMean(id, ids)
      throw invalid(
        id,
        `migrations names workflow '${id}', which the handler does not serve; served: ${ids.map((k) => `'${k}'`).join(', ') || 'none'}. ${hint ? `${hint} ` : ''}Key each migration by its definition's id, and pass that definition in \`definitions\`.`,
      )
    }
    if (typeof migration !== 'function') {
      throw invalid(
        id,
        `migrations.${keyOf(id)} is ${migration === null ? 'null' : typeof migration}, not a function; pass (snapshot, fromVersion) => the snapshot at the current version.`,
      )
    }
  }
  return given ?? {}
}
