import { randomBytes } from 'node:crypto'
import type { WorkflowDefinition } from '@flowkit/core'
import { type InstanceRecord, type InstanceStore, recordedJourney } from '@flowkit/server'
import { type JourneyProfile, randomFrom, simulateJourney } from './simulateJourneys'

export interface SimulateOptions {
  /** How many journeys. @default 10_000 */
  readonly journeys?: number
  /** The same seed gives the same journeys. @default 15 */
  readonly seed?: number
  /** Journeys start over the `days` before `now`. @default 14 */
  readonly days?: number
  /** @default Date.now() */
  readonly now?: number
}

/**
 * Writes simulated journeys into a store through its own recording (`insert`, and `update` from a second device
 * for journeys that moved device, which records `resumed`), as the handler would. Returns how many were written.
 * @example
 * await simulateInto(sqliteStore({ filename: 'demo.db' }), enrollment, enrollmentProfile, { journeys: 10_000 })
 */
export async function simulateInto(
  store: InstanceStore,
  definition: WorkflowDefinition<any, any>,
  profile: JourneyProfile,
  options: SimulateOptions = {},
): Promise<number> {
  const { journeys = 10_000, seed = 15, days = 14, now = Date.now() } = options
  const random = randomFrom(seed)
  await store.init()
  for (let i = 0; i < journeys; i++) {
    const start = now - Math.floor(random() * days * 86_400_000)
    const { snapshot, resumeAt, submittedAt } = simulateJourney(definition, profile, random, start)
    const extra = submittedAt === null ? undefined : { type: 'submitted' as const, at: submittedAt }
    const first = resumeAt === null ? snapshot : { ...snapshot, log: snapshot.log.slice(0, resumeAt) }
    const record: InstanceRecord = {
      tokenHash: randomBytes(32).toString('hex'),
      workflow: definition.id,
      owner: null,
      version: 1,
      snapshot: first,
      status: extra && resumeAt === null ? 'submitted' : 'open',
      result: null,
      submission: null,
      claim: null,
      leaseUntil: null,
      attempts: 0,
      createdAt: start,
      updatedAt: snapshot.savedAt,
      expiresAt: now + 30 * 86_400_000,
    }
    await store.insert(record, recordedJourney(definition, first, `device-${i}`, resumeAt === null ? extra : undefined))
    if (resumeAt === null) continue
    const journey = recordedJourney(definition, snapshot, `other-${i}`, extra)
    const update = { workflow: definition.id, baseVersion: 1, snapshot, updatedAt: snapshot.log[resumeAt]?.at ?? snapshot.savedAt }
    await store.update(record.tokenHash, { ...update, expiresAt: record.expiresAt, journey })
  }
  return journeys
}
