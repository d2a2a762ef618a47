import { envelopeOf, type LocalRecord, snapshotOf } from './localRecord'
import { answersDiffer, changedSteps, mergeSnapshots } from './mergeSnapshots'
import type { ServerCopy } from './serverApi'
import type { SyncNotice } from './types'

/** How this browser's record takes in the server's copy. */
export interface Settlement {
  readonly change: Partial<LocalRecord>
  /** What to tell the user, or `null` when nothing they see changed. */
  readonly notice: { readonly kind: SyncNotice['kind']; readonly steps: readonly string[] } | null
  /** The record's value was replaced: flows showing it must rehydrate. */
  readonly replaced: boolean
}

/**
 * Settles this browser's record against the server's copy (after a load or a 409), by the server version the
 * record's changes were made on, never by clocks: a record with no changes of its own follows the server; changes
 * made on the server's version (or a later one it lost) go on top of it; changes made on an older version are
 * merged with the newer copy when they touched other steps, else the newer copy is kept (`mergeSnapshots`).
 */
export const settle = (record: LocalRecord, remote: ServerCopy): Settlement => {
  const mine = snapshotOf(record.value)
  const adopt = (kind: SyncNotice['kind'] | null, steps: readonly string[]): Settlement => ({
    change: {
      value: envelopeOf(remote.snapshot),
      version: remote.version,
      base: remote.snapshot,
      dirty: false,
      submitted: remote.status === 'submitted',
      result: remote.result,
    },
    notice: kind && { kind, steps },
    replaced: true,
  })
  const onTop: Settlement = { change: { version: remote.version, base: remote.snapshot }, notice: null, replaced: false }
  if (remote.status === 'submitted' || !mine || !record.dirty) {
    const differs = mine !== null && answersDiffer(mine, remote.snapshot)
    return adopt(differs ? 'updated' : null, differs && mine ? changedSteps(mine, remote.snapshot) : [])
  }
  if (record.version !== null && remote.version <= record.version) return onTop
  const outcome = mergeSnapshots(record.base, mine, remote.snapshot)
  switch (outcome.kind) {
    case 'mine':
      return onTop
    case 'same':
      return adopt(null, [])
    case 'theirs':
      return adopt('updated', changedSteps(mine, remote.snapshot))
    case 'conflict':
      return adopt('adopted', outcome.steps)
    case 'merged':
      return {
        change: { value: envelopeOf(outcome.snapshot), version: remote.version, base: remote.snapshot, dirty: true },
        notice: { kind: 'merged', steps: outcome.theirs },
        replaced: true,
      }
  }
}
