import type { PersistedSnapshot } from '@flowkit/core'
import type { InstanceRecord } from './types'

/** A new instance's record: open, at version 1, with nothing submitted or claimed yet. */
export const openInstance = (
  tokenHash: string,
  workflow: string,
  owner: string | null,
  snapshot: PersistedSnapshot,
  at: number,
  expiresAt: number,
): InstanceRecord => ({
  tokenHash,
  workflow,
  owner,
  version: 1,
  snapshot,
  status: 'open',
  result: null,
  submission: null,
  claim: null,
  leaseUntil: null,
  attempts: 0,
  createdAt: at,
  updatedAt: at,
  expiresAt,
})
