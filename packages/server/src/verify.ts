import { journeyLog, type PersistedSnapshot, replay } from '@flowkit/core'
import { checkFields } from './checkSnapshot'
import { type Migrations, migrating, unwrapped } from './migrating'
import type { AnyDefinition } from './types'

/** What a verified submission leaves: the server's own snapshot and final state, before the server actions. */
export interface Verified {
  readonly snapshot: PersistedSnapshot
  readonly state: Record<string, unknown>
}

/**
 * Replays a submitted snapshot with core's `replay`, validating every input and re-running every step's actions,
 * and refuses one that skips a required step, completes a step its answers do not lead to, contributes other state
 * than the replay (except the `serverComputed` keys, whose replayed value is kept) or is not finished. A submission
 * saved under an older definition version is verified as the handler's migration converts it.
 */
export const verify = async (
  definition: AnyDefinition,
  claimed: unknown,
  serverComputed: readonly string[],
  now: () => number,
  migrations: Migrations,
): Promise<Verified> => {
  checkFields(claimed)
  try {
    const { persisted, state } = await replay(definition, claimed, {
      actions: true,
      requireDone: true,
      compare: { ignore: serverComputed },
      now,
      // An older version's submission is verified as its migration converts it; `persisted` is of this version.
      migrate: migrating(migrations, definition).migrate,
      // The stored submission keeps the client's journey (the insights read it).
      log: journeyLog(),
    })
    return { snapshot: persisted, state: state as Record<string, unknown> }
  } catch (error) {
    throw unwrapped(error)
  }
}
