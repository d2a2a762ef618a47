import { createWorkflow, qualifiedStepTitle, stepTitle } from '@flowkit/core'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { checkout, normalizeExpiry } from '../src/flows/checkout'
import { relationshipProblem } from '../src/flows/dependant'
import { enrollment } from '../src/flows/enrollment'
import { setFailNext, setServiceLatency } from '../src/services/faults'

beforeEach(() => {
  setServiceLatency(1)
  for (const service of ['promo', 'address', 'payment', 'enrollment'] as const) setFailNext(service, false)
  // 2 December 2026.
  vi.useFakeTimers({ toFake: ['Date'] })
  vi.setSystemTime(new Date(2026, 11, 2, 12))
})
afterEach(() => {
  vi.useRealTimers()
})

describe('checkout step titles', () => {
  it('tells the "same billing address?" question from the billing address sub-flow', () => {
    const question = stepTitle(checkout, 'billingSame')
    // The stepper's entry for the sub-flow is its title, the first part of its steps' qualified titles.
    const billing = qualifiedStepTitle(checkout, 'billing.name').split(': ')[0]
    expect(billing).toBe('Billing address')
    expect(question).not.toBe(billing)
    expect(question).toBe('Billing address same as shipping?')
  })
})

describe('card expiry as people type it', () => {
  const card = (expiry: string) => ({ method: 'card', card: { name: 'Ada Lovelace', number: '4242 4242 4242 4242', expiry, cvc: '123' } })
  const atPayment = async () => {
    const flow = createWorkflow(checkout)
    await flow.next({ quantities: { license: 1 }, promo: '' })
    await flow.next({ method: 'email' })
    expect(flow.getSnapshot().step).toBe('payment')
    return flow
  }

  it.each([
    ['0829', '08/29'],
    ['08/29', '08/29'],
    ['8/29', '08/29'],
    [' 08/29 ', '08/29'],
    ['08 29', '08/29'],
  ])('takes %j as %s', async (typed, stored) => {
    const flow = await atPayment()
    const snapshot = await flow.next(card(typed))
    expect(snapshot.issues).toEqual({})
    expect(snapshot.state.payment).toMatchObject({ method: 'card', expiry: stored })
  })

  it('takes "08 / 29" (spaces around the slash, the longest way to type it) as 08/29', async () => {
    const flow = await atPayment()
    expect((await flow.next(card('08 / 29'))).state.payment).toMatchObject({ expiry: '08/29' })
  })

  it('normalises "08 / 29" (spaces around the slash) to MM/YY', () => {
    expect(normalizeExpiry('08 / 29')).toBe('08/29')
    expect(normalizeExpiry('0829')).toBe('08/29')
    expect(normalizeExpiry('13/30')).toBe('13/30')
    expect(normalizeExpiry('829')).toBe('829')
  })

  it.each(['1126', '11/26'])('still refuses an expired card typed %j', async (typed) => {
    const flow = await atPayment()
    expect((await flow.next(card(typed))).issues).toEqual({
      'card.expiry': ['This card has expired: use a card whose expiry date is this month or later'],
    })
  })

  it.each(['1330', '08-29', '082', 'ab/cd'])('still refuses %j as not MM/YY', async (typed) => {
    const flow = await atPayment()
    expect((await flow.next(card(typed))).issues).toEqual({ 'card.expiry': ['Enter the expiry date as MM/YY, like 08/29'] })
  })
})

describe('a child dependant', () => {
  const about = { fullName: 'Grace Hopper', email: 'grace@example.com', birthDate: '1960-12-09' }
  const home = { line1: '1 Main Street', city: 'Dublin', postcode: 'D02 X285', country: 'IE' }
  const job = { employer: 'Remington Rand', jobTitle: 'Engineer', employerPays: false }
  const atRelationship = async (birthDate: string) => {
    const flow = createWorkflow(enrollment)
    for (const input of [
      about,
      home,
      { status: 'employed' },
      job,
      { plan: 'family', tier: 'plus' },
      { name: 'Alan Hopper' },
      { birthDate },
    ])
      await flow.next(input)
    expect(flow.getSnapshot().step).toBe('dependants.0.relationship')
    return flow
  }
  const UNDER_26 = 'A child dependant must be under 26: check the date of birth, or choose another relationship'

  it('is refused at 36 (born 05/05/1990), in words that say how to fix it, and stays on the step', async () => {
    const flow = await atRelationship('1990-05-05')
    const snapshot = await flow.next({ relationship: 'child' })
    expect(snapshot.step).toBe('dependants.0.relationship')
    expect(snapshot.state.dependants?.[0]?.relationship).toBe('')
    expect(snapshot.error).toBeNull()
    expect(snapshot.issues).toEqual({ relationship: [UNDER_26] })
  })

  it('is taken as another relationship at 36, and as a child the day before their 26th birthday', async () => {
    const adult = await atRelationship('1990-05-05')
    expect((await adult.next({ relationship: 'other' })).error).toBeNull()
    const young = await atRelationship('2000-12-03')
    const snapshot = await young.next({ relationship: 'child' })
    expect(snapshot.error).toBeNull()
    expect(snapshot.step).toBe('dependants')
  })

  it('is too old from their 26th birthday', () => {
    const today = new Date(2026, 11, 2)
    expect(relationshipProblem('child', '2000-12-02', today)).toBe(UNDER_26)
    expect(relationshipProblem('child', '2000-12-03', today)).toBeUndefined()
    expect(relationshipProblem('partner', '1990-05-05', today)).toBeUndefined()
  })
})

describe('a delivery method that does not fit the basket', () => {
  it('is refused as a field issue on the method (no error, so no "Try again"), and another method goes on', async () => {
    const flow = createWorkflow(checkout)
    await flow.next({ quantities: { license: 1 }, promo: '' })
    const snapshot = await flow.next({ method: 'standard' })
    expect(snapshot.step).toBe('delivery')
    expect(snapshot.error).toBeNull()
    expect(snapshot.issues).toEqual({ method: ['Standard delivery is not available for this basket; choose another method.'] })
    expect((await flow.next({ method: 'email' })).step).toBe('payment')
  })
})
