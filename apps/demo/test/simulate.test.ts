import { queryInsights } from '@flowkit/server'
import { sqliteStore } from '@flowkit/server/sqlite'
import { describe, expect, it } from 'vitest'
import { simulateInto } from '../scripts/simulateInto'
import { checkoutProfile, enrollmentProfile } from '../scripts/simulateProfile'
import { checkout } from '../src/flows/checkout'
import { enrollment } from '../src/flows/enrollment'

const NOW = Date.UTC(2026, 11, 1)
const simulated = async (definition: typeof enrollment | typeof checkout, profile: typeof enrollmentProfile, seed = 15) => {
  const store = sqliteStore({ filename: ':memory:' })
  await simulateInto(store, definition, profile, { journeys: 1_000, seed, days: 14, now: NOW })
  const insights = await queryInsights(store, { workflow: definition.id, now: NOW })
  await store.close()
  return insights
}

describe.each([
  ['enrollment', enrollment, enrollmentProfile],
  ['checkout', checkout, checkoutProfile],
] as const)('simulated %s journeys for the insights page', (_, definition, profile) => {
  it('drop out, stall, go back, trip on fields and resume on another device, like people do', async () => {
    const { journeys, steps, paths } = await simulated(definition, profile)
    expect(journeys.started).toBe(1_000)
    expect(journeys.completionRate).toBeGreaterThan(0.2)
    expect(journeys.completionRate).toBeLessThan(0.8)
    expect(journeys.abandoned).toBeGreaterThan(100)
    expect(journeys.resumed).toBeGreaterThan(0)
    expect(steps[0]?.reached).toBe(1_000)
    expect(steps.reduce((n, s) => n + s.backs, 0)).toBeGreaterThan(0)
    expect(steps.filter((s) => s.blockingFields.length > 0).length).toBeGreaterThan(2)
    expect(steps.every((s) => s.medianMs !== null && s.medianMs > 0)).toBe(true)
    expect(paths.length).toBeGreaterThan(3)
  })

  it('gives the same journeys for the same seed, and others for another', async () => {
    const [a, b, c] = await Promise.all([
      simulated(definition, profile),
      simulated(definition, profile),
      simulated(definition, profile, 16),
    ])
    expect(b).toEqual(a)
    expect(c.journeys).not.toEqual(a.journeys)
    // Three simulations of a few hundred journeys each: about 2 s alone, more on a machine busy with other suites.
  }, 30_000)
})
