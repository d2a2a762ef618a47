import type { PersistedSnapshot } from '@flowkit/core'
import { recordedJourney } from '@flowkit/server'
import { describe, expect, it } from 'vitest'
import { enrollment } from '../src/examples/enrollment'

const snapshotWith = (log: unknown[]) => ({ workflow: 'enrollment', path: [], step: 'contact', log }) as unknown as PersistedSnapshot

describe('recordedJourney', () => {
  it("records the log entries core's replay keeps (isLogEntry), of the definition's steps", () => {
    const journey = recordedJourney(
      enrollment,
      snapshotWith([
        { type: 'entered', step: 'contact', at: 1000 },
        { type: 'skipped', step: 'contact', at: 1001, reason: 5 },
        { type: 'invalid', step: 'contact', at: 1002, fields: [1] },
        ['entered', 'contact', 1003],
        { type: 'teleported', step: 'contact', at: 1004 },
        { type: 'entered', step: 'nowhere', at: 1005 },
        { type: 'entered', step: 'contact', at: Number.POSITIVE_INFINITY },
        { type: 'invalid', step: 'contact', at: 1006.4, fields: ['email'] },
      ]),
      null,
    )
    expect(journey.rows).toEqual([
      ['entered', 'contact', 1000, null, null, 1],
      ['invalid', 'contact', 1006, null, ['email'], 1],
    ])
  })
})
