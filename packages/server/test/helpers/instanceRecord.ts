import { createWorkflow, getPersistedSnapshot } from '@flowkit/core'
import type { InstanceRecord } from '@flowkit/server'
import { enrollment } from '../../src/examples/enrollment'
import { openInstance } from '../../src/openInstance'

/** A fresh enrollment's snapshot, as the store tests write it. */
export const snapshot = getPersistedSnapshot(createWorkflow(enrollment))

/** An open instance at version 1, created at 1000, for the store tests. */
export const instanceRecord = (tokenHash: string, expiresAt = 10_000): InstanceRecord =>
  openInstance(tokenHash, 'enrollment', null, snapshot, 1000, expiresAt)
