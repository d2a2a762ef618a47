import { createWorkflow } from '@flowkit/core'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { checkout, isExpired } from '../src/flows/checkout'
import { setFailNext, setServiceLatency } from '../src/services/faults'

const card = (expiry: string) => ({ method: 'card', card: { name: 'Ada Lovelace', number: '4242 4242 4242 4242', expiry, cvc: '123' } })

/** The checkout at its payment step (a digital basket, delivered by email). */
const atPayment = async () => {
  const flow = createWorkflow(checkout)
  await flow.next({ quantities: { license: 1 }, promo: '' })
  await flow.next({ method: 'email' })
  expect(flow.getSnapshot().step).toBe('payment')
  return flow
}

beforeEach(() => {
  setServiceLatency(1)
  setFailNext('promo', false)
  // 15 December 2026: cards expiring 12/26 still pay this month; 11/26 ran out last month.
  vi.useFakeTimers({ toFake: ['Date'] })
  vi.setSystemTime(new Date(2026, 11, 15, 12))
})
afterEach(() => {
  vi.useRealTimers()
})

describe('card expiry', () => {
  it.each(['11/26', '01/26', '12/25', '08/19'])('refuses a card that expired (%s) with a clear message', async (expiry) => {
    const flow = await atPayment()
    const snapshot = await flow.next(card(expiry))
    expect(snapshot.step).toBe('payment')
    expect(snapshot.state.payment).toBeNull()
    expect(snapshot.issues).toEqual({ 'card.expiry': ['This card has expired: use a card whose expiry date is this month or later'] })
  })

  it.each(['12/26', '01/27', '08/29'])('takes a card valid to the end of its month (%s)', async (expiry) => {
    const flow = await atPayment()
    const snapshot = await flow.next(card(expiry))
    expect(snapshot.issues).toEqual({})
    expect(snapshot.step).toBe('review')
    expect(snapshot.state.payment).toMatchObject({ method: 'card', expiry })
  })

  it('still asks for MM/YY before judging the date', async () => {
    const flow = await atPayment()
    expect((await flow.next(card('13/30'))).issues).toEqual({ 'card.expiry': ['Enter the expiry date as MM/YY, like 08/29'] })
  })

  it('counts a card as valid through the last day of its month', () => {
    expect(isExpired('12/26', new Date(2026, 11, 31, 23, 59))).toBe(false)
    expect(isExpired('12/26', new Date(2027, 0, 1))).toBe(true)
  })
})
