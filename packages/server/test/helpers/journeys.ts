import { createWorkflow, getPersistedSnapshot, journeyLog } from '@flowkit/core'
import { createFlowkitHandler, type InstanceStore } from '@flowkit/server'
import { enrollment } from '../../src/examples/enrollment'
import { api } from './api'

/** One move of a journey, `at` seconds after it started: complete the step with `input`, go back, or submit. */
export type Move = readonly [at: number, move: 'next', input: unknown] | readonly [at: number, move: 'back' | 'submit']

/** 2026-01-01T00:00:00Z: the known journeys start from here. */
export const T0 = Date.UTC(2026, 0, 1)
/** The time the known journeys are judged at: two hours after T0. */
export const NOW = T0 + 2 * 60 * 60 * 1000
export const SECRET = { email: 'zebulon.secret@example.com', name: 'Zebulon Quux' }
const contact = { email: SECRET.email, name: SECRET.name }

/**
 * Five journeys through the example enrollment, each started `start` seconds after T0, with its moves: J1 and J2
 * finish (J1 is submitted, J2 goes back once and saves from a second device), J3 and J5 are abandoned, J4 is in
 * progress (its last move is ten minutes before NOW).
 */
export const KNOWN: readonly (readonly [start: number, moves: readonly Move[], laptopFrom?: number])[] = [
  [
    0,
    [
      [10, 'next', contact],
      [30, 'next', { plan: 'basic' }],
      [50, 'next', { cardToken: 'tok_1' }],
      [60, 'next', undefined],
      [61, 'submit'],
    ],
  ],
  [
    100,
    [
      [5, 'next', { email: 'not-an-email-zebulon', name: SECRET.name }],
      [20, 'next', contact],
      [40, 'next', { plan: 'family' }],
      [50, 'back'],
      [60, 'next', { plan: 'family' }],
      [90, 'next', { dependents: 2 }],
      [100, 'next', { cardToken: 'tok_2' }],
      [110, 'next', undefined],
    ],
    3,
  ],
  [
    300,
    [
      [15, 'next', contact],
      [20, 'next', { plan: 'premium-zebulon' }],
    ],
  ],
  [
    7200 - 609,
    [
      [5, 'next', contact],
      [8, 'next', { plan: 'basic' }],
      [9, 'next', { cardToken: 'card-zebulon' }],
    ],
  ],
  [400, [[30, 'next', { email: 'zebulon', name: '' }]]],
]

/** Drives real workflows through a real handler on `store` with a fixed clock, saving after every move (then `afterSave`). */
export const driveJourneys = async (store: InstanceStore, journeys = KNOWN, afterSave?: () => Promise<unknown>) => {
  let clock = T0
  const now = () => clock
  const client = api(createFlowkitHandler({ definitions: [enrollment], store, basePath: '/api', now, onError: (e) => console.error(e) }))
  for (const [index, [start, moves, laptopFrom = Number.POSITIVE_INFINITY]] of journeys.entries()) {
    clock = T0 + start * 1000
    const phone = { 'user-agent': `phone-${index}` }
    const flow = createWorkflow(enrollment, { now, log: journeyLog() })
    const started = await client.start('enrollment', getPersistedSnapshot(flow), phone)
    if (started.status !== 201) throw new Error(`start refused: ${JSON.stringify(started.body)}`)
    const token = started.body.token as string
    let version = started.body.version as number
    for (const [i, [at, move, input]] of moves.entries()) {
      clock = T0 + (start + at) * 1000
      // From its move `laptopFrom` on, the journey carries on from a laptop: a resume on another device.
      const device = i >= laptopFrom ? { 'user-agent': 'laptop' } : phone
      if (move === 'submit') {
        const submitted = await client.submit(token, version, getPersistedSnapshot(flow), device)
        if (submitted.status !== 200) throw new Error(`submit refused: ${JSON.stringify(submitted.body)}`)
        continue
      }
      if (move === 'back') flow.back()
      else await flow.next(input)
      const saved = await client.save(token, version, getPersistedSnapshot(flow), device)
      if (saved.status !== 200) throw new Error(`save refused: ${JSON.stringify(saved.body)}`)
      version = saved.body.version
      await afterSave?.()
    }
  }
}
