import { createWorkflow } from '@flowkit/core'
import type { InstanceRecord } from '@flowkit/server'
import { enrollment } from '../../src/examples/enrollment'

/** A fresh enrollment's snapshot, as the store tests write it. */
export const snapshot = createWorkflow(enrollment).getPersistedSnapshot()

/** An open instance at version 1, created at 1000, for the store tests. */
export const instanceRecord = (tokenHash: string, expiresAt = 10_000): InstanceRecord => ({
  tokenHash,
  workflow: 'enrollment',
  owner: null,
  version: 1,
  snapshot,
  status: 'open',
  result: null,
  submission: null,
  claim: null,
  leaseUntil: null,
  attempts: 0,
  createdAt: 1000,
  updatedAt: 1000,
  expiresAt,
})
