import { type FlowInsights, type InstanceStore, pruneInsights, queryInsights, refreshInsights } from '@flowkit/server'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { backends } from './helpers/backends'
import { driveJourneys, KNOWN, NOW, T0 } from './helpers/journeys'

const buckets = (counts: Record<number, number>) =>
  [5_000, 15_000, 30_000, 60_000, 120_000, 300_000, 600_000, 1_800_000, Number.MAX_SAFE_INTEGER].map((upToMs) => ({
    upToMs,
    count: counts[upToMs] ?? 0,
  }))

/** What the five known journeys (helpers/journeys.ts) add up to, worked out by hand. */
const EXPECTED: FlowInsights = {
  workflow: 'enrollment',
  version: null,
  from: null,
  to: null,
  abandonAfter: 1_800_000,
  journeys: { started: 5, completed: 2, abandoned: 2, inProgress: 1, resumed: 1, completionRate: 0.4 },
  steps: [
    {
      step: 'contact',
      reached: 5,
      completed: 4,
      abandoned: 1,
      backs: 0,
      medianMs: 10_000,
      p90Ms: 20_000,
      blockingFields: [
        { field: 'email', count: 2 },
        { field: 'name', count: 1 },
      ],
      timeBuckets: buckets({ 5000: 1, 15000: 2, 30000: 1 }),
    },
    {
      step: 'plan',
      reached: 4,
      completed: 3,
      abandoned: 1,
      backs: 0,
      medianMs: 10_000,
      p90Ms: 20_000,
      blockingFields: [{ field: 'plan', count: 1 }],
      timeBuckets: buckets({ 5000: 1, 15000: 1, 30000: 2 }),
    },
    {
      step: 'payment',
      reached: 3,
      completed: 2,
      abandoned: 0,
      backs: 0,
      medianMs: 10_000,
      p90Ms: 20_000,
      blockingFields: [{ field: 'cardToken', count: 1 }],
      timeBuckets: buckets({ 15000: 1, 30000: 1 }),
    },
    {
      step: 'review',
      reached: 2,
      completed: 2,
      abandoned: 0,
      backs: 0,
      medianMs: 10_000,
      p90Ms: 10_000,
      blockingFields: [],
      timeBuckets: buckets({ 15000: 2 }),
    },
    {
      step: 'dependents',
      reached: 1,
      completed: 1,
      abandoned: 0,
      backs: 1,
      medianMs: 10_000,
      p90Ms: 30_000,
      blockingFields: [],
      timeBuckets: buckets({ 15000: 1, 30000: 1 }),
    },
  ],
  edges: [
    { from: 'contact', to: 'plan', count: 4 },
    { from: 'payment', to: 'review', count: 2 },
    { from: 'plan', to: 'dependents', count: 2 },
    { from: 'plan', to: 'payment', count: 2 },
    { from: 'dependents', to: 'payment', count: 1 },
    { from: 'dependents', to: 'plan', count: 1 },
  ],
  paths: [
    { steps: ['contact'], count: 1 },
    { steps: ['contact', 'plan'], count: 1 },
    { steps: ['contact', 'plan', 'dependents', 'payment', 'review'], count: 1 },
    { steps: ['contact', 'plan', 'payment'], count: 1 },
    { steps: ['contact', 'plan', 'payment', 'review'], count: 1 },
  ],
}

describe.each(backends)('journey insights on $name', (backend) => {
  let store: InstanceStore
  beforeAll(async () => {
    if (backend.skip) return
    store = backend.create()
    await store.init()
    await driveJourneys(store)
  })
  afterAll(() => store?.close())

  it.skipIf(backend.skip)('adds up known journeys exactly: funnel, abandonment, time on step, fields, moves and paths', async () => {
    expect(await queryInsights(store, { workflow: 'enrollment', now: NOW })).toEqual(EXPECTED)
  })

  it.skipIf(backend.skip)('counts the journeys that started in [from, to), of the version asked for', async () => {
    const late = await queryInsights(store, { workflow: 'enrollment', from: T0 + 6000_000, now: NOW })
    expect(late.journeys).toEqual({ started: 1, completed: 0, abandoned: 0, inProgress: 1, resumed: 0, completionRate: 0 })
    expect(late.paths).toEqual([{ steps: ['contact', 'plan', 'payment'], count: 1 }])
    const early = await queryInsights(store, { workflow: 'enrollment', from: T0, to: T0 + 3600_000, now: NOW })
    expect(early).toMatchObject({ from: T0, to: T0 + 3600_000, journeys: { started: 4, completed: 2, abandoned: 2, resumed: 1 } })
    expect((await queryInsights(store, { workflow: 'enrollment', version: 1, now: NOW })).journeys.started).toBe(5)
    const other = await queryInsights(store, { workflow: 'enrollment', version: 2, now: NOW })
    expect(other).toMatchObject({ version: 2, journeys: { started: 0, completionRate: 0 }, steps: [], edges: [], paths: [] })
  })

  it.skipIf(backend.skip)('counts journeys by the hour they started: the range is widened to whole hours and says so', async () => {
    const rounded = await queryInsights(store, { workflow: 'enrollment', from: T0 + 60_000, to: T0 + 100_000, now: NOW })
    expect(rounded).toMatchObject({ from: T0, to: T0 + 3600_000, journeys: { started: 4 } })
    const second = await queryInsights(store, { workflow: 'enrollment', from: T0 + 3600_000, to: NOW, now: NOW })
    expect(second.journeys.started).toBe(1)
  })

  it.skipIf(backend.skip)('judges abandonment by the idle time given: with a day, the stalled journeys are in progress', async () => {
    const patient = await queryInsights(store, { workflow: 'enrollment', abandonAfter: 24 * 3600_000, now: NOW })
    expect(patient.journeys).toMatchObject({ abandoned: 0, inProgress: 3 })
    expect(patient.steps.map((s) => s.abandoned)).toEqual([0, 0, 0, 0, 0])
  })

  it.skipIf(backend.skip)('keeps the top fields and paths asked for', async () => {
    const top = await queryInsights(store, { workflow: 'enrollment', topFields: 1, topPaths: 2, now: NOW })
    expect(top.steps[0]?.blockingFields).toEqual([{ field: 'email', count: 2 }])
    expect(top.paths).toEqual(EXPECTED.paths.slice(0, 2))
  })

  it.skipIf(backend.skip)('refuses a malformed query with a WorkflowError that says what to send', async () => {
    await expect(queryInsights(store, { workflow: 'enrollment', from: 10, to: 5 })).rejects.toMatchObject({
      code: 'INVALID_REQUEST',
      message: expect.stringContaining('`from` (10) is after `to` (5)'),
    })
    await expect(queryInsights(store, { workflow: '' })).rejects.toMatchObject({ code: 'INVALID_REQUEST' })
    await expect(queryInsights(store, { workflow: 'enrollment', topPaths: 0 })).rejects.toMatchObject({ code: 'INVALID_REQUEST' })
    await expect(queryInsights(store, { workflow: 'enrollment', from: 1.5 })).rejects.toMatchObject({ code: 'INVALID_REQUEST' })
  })
})

describe.each(backends)('insights kept up to date on $name', (backend) => {
  it.skipIf(backend.skip)('gives the same answer when the rollups catch up after every save as when they catch up once', async () => {
    const store = backend.create()
    await store.init()
    const reads: number[] = []
    await driveJourneys(store, KNOWN, async () => reads.push(await refreshInsights(store)))
    expect(reads.every((n) => n >= 1)).toBe(true)
    expect(await queryInsights(store, { workflow: 'enrollment', now: NOW })).toEqual(EXPECTED)
    await store.close()
  })

  it.skipIf(backend.skip)('counts each event once when refreshes overlap, run together or read the same events again', async () => {
    const store = backend.create()
    await store.init()
    await driveJourneys(store)
    await Promise.all([refreshInsights(store), refreshInsights(store), refreshInsights(store)])
    // Each refresh reads the last seconds again (a write still open is caught next time): nothing counts twice.
    expect(await refreshInsights(store)).toBeGreaterThan(0)
    expect(await queryInsights(store, { workflow: 'enrollment', now: NOW })).toEqual(EXPECTED)
    await store.close()
  })

  it.skipIf(backend.skip)('prunes the counters with the events: journeys that started before the cut are gone', async () => {
    const store = backend.create()
    await store.init()
    await driveJourneys(store)
    await refreshInsights(store)
    await pruneInsights(store, T0 + 3600_000)
    const left = await queryInsights(store, { workflow: 'enrollment', now: NOW })
    expect(left.journeys).toMatchObject({ started: 1, inProgress: 1 })
    expect(left.paths).toEqual([{ steps: ['contact', 'plan', 'payment'], count: 1 }])
    await store.close()
  })
})
