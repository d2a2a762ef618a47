import { createWorkflow, getPersistedSnapshot, journeyLog, resumeWorkflow, type StepIdOf, type Workflow } from '@flowkit/core'
import { beforeEach, describe, expect, it } from 'vitest'
import { type CheckoutState, checkout, totalsOf } from '../src/flows/checkout'
import { setFailNext, setServiceLatency } from '../src/services/faults'

const name = { fullName: 'Ada Lovelace' }
const address = { line1: '1 Main Street', city: 'dublin', postcode: 'd02 x285', country: 'IE' }
const sameBilling = { same: 'yes' }
const card = { method: 'card', card: { name: 'Ada Lovelace', number: '4242 4242 4242 4242', expiry: '08/29', cvc: '123' } }
const physical = { quantities: { hoodie: 1, stickers: 2 }, promo: '' }
const digital = { quantities: { license: 1 }, promo: '' }

/** Submits `inputs` one step at a time; `run()` would go on and complete review too. */
const completeUntilReview = async (flow: Workflow<CheckoutState, StepIdOf<typeof checkout>>, inputs: readonly unknown[]) => {
  for (const input of inputs) await flow.next(input)
  expect(flow.getSnapshot()).toMatchObject({ step: 'review', error: null, issues: {} })
  return flow.getSnapshot()
}

beforeEach(() => {
  setServiceLatency(1)
  for (const s of ['promo', 'address', 'payment'] as const) setFailNext(s, false)
})

describe('checkout', () => {
  it('runs a physical order by card through every step and authorizes the payment', async () => {
    const flow = createWorkflow(checkout)
    const done = await flow.run({
      cart: physical,
      'shipping.name': name,
      'shipping.lines': address,
      billingSame: sameBilling,
      delivery: { method: 'express' },
      payment: card,
      review: undefined,
    })
    expect(done.status).toBe('done')
    expect(done.history).toEqual(['cart', 'shipping.name', 'shipping.lines', 'billingSame', 'delivery', 'payment', 'review'])
    expect(done.skipped).toEqual(['billing.name'])
    expect(done.state.shipping).toMatchObject({ fullName: 'Ada Lovelace', city: 'Dublin', postcode: 'D02 X285', verified: true })
    expect(done.state).toMatchObject({ billingSame: true, billing: null })
    expect(done.state.payment).toEqual({ method: 'card', name: 'Ada Lovelace', brand: 'Visa', last4: '4242', expiry: '08/29' })
    expect(done.state.order?.amount).toBe(5900 + 1200 + 990)
    expect(JSON.stringify(done.state)).not.toContain('4242 4242')
  })

  it('skips the addresses when the basket holds only digital goods, and says why in the log', async () => {
    const flow = createWorkflow(checkout, { log: journeyLog() })
    const snapshot = await flow.next(digital)
    expect(snapshot.step).toBe('delivery')
    expect(snapshot.skipped).toEqual(['shipping.name', 'billingSame', 'billing.name'])
    expect(snapshot.log).toContainEqual(
      expect.objectContaining({ type: 'skipped', step: 'shipping.name', reason: 'only digital goods in the basket' }),
    )
    expect(snapshot.progress).toEqual({ position: 2, total: 4, exact: true })
  })

  it('refuses a delivery method that does not fit the basket, keeping the step and its draft', async () => {
    const flow = createWorkflow(checkout)
    await flow.next(digital)
    const snapshot = await flow.next({ method: 'standard' })
    expect(snapshot.step).toBe('delivery')
    expect(snapshot.error).toBeNull()
    expect(snapshot.issues).toEqual({ method: ['Standard delivery is not available for this basket; choose another method.'] })
    expect((await flow.next({ method: 'email' })).step).toBe('payment')
  })

  it('branches into company details for an invoice, and drops them when the user goes back to card', async () => {
    const flow = createWorkflow(checkout)
    const company = { name: 'Analytical Engines Ltd', vatNumber: 'IE6388047V', billingEmail: 'accounts@example.com' }
    const atReview = await completeUntilReview(flow, [digital, { method: 'email' }, { method: 'invoice' }, company])
    expect(atReview.step).toBe('review')
    expect(atReview.history).toEqual(['cart', 'delivery', 'payment', 'company', 'review'])
    expect(atReview.state.company).toMatchObject({ name: 'Analytical Engines Ltd' })

    flow.goTo('payment')
    const switched = await flow.next(card)
    expect(switched.step).toBe('review')
    expect(switched.state.company).toBeNull()
    expect(switched.state.payment).toMatchObject({ method: 'card', last4: '4242' })
    expect(switched.progress).toEqual({ position: 4, total: 4, exact: true })
  })

  it('reports each invalid field by path, in words a shopper understands, and stays on the step', async () => {
    const flow = createWorkflow(checkout)
    const empty = await flow.next({ quantities: {}, promo: '' })
    expect(empty.issues).toEqual({ quantities: ['Add at least one item to your basket'] })
    await flow.next(physical)
    const unnamed = await flow.next({ fullName: ' ' })
    expect(unnamed).toMatchObject({ step: 'shipping.name', issues: { fullName: ['Enter the full name'] } })
    await flow.next(name)
    const bad = await flow.next({ ...address, line1: ' ', postcode: '!', country: 'XX' })
    expect(bad.step).toBe('shipping.lines')
    expect(Object.keys(bad.issues).sort()).toEqual(['country', 'line1', 'postcode'])
    expect(bad.issues.postcode).toEqual(['Enter a real postcode, like D02 X285 or 10115'])
    expect(bad.drafts['shipping.lines']).toMatchObject({ line1: ' ', postcode: '!' })
  })

  it('says what to enter for card fields missing altogether (never stored, so absent after a reload), not a schema message', async () => {
    const flow = createWorkflow(checkout)
    await flow.run(
      { cart: physical, 'shipping.name': name, 'shipping.lines': address, billingSame: sameBilling, delivery: { method: 'express' } },
      { until: 'payment' },
    )
    expect(flow.getSnapshot().step).toBe('payment')
    const missing = await flow.next({ method: 'card', card: { name: 'Ada Lovelace', expiry: '08/29' } })
    expect(missing.issues).toEqual({
      'card.number': ['Enter a card number of 13 to 19 digits, like 4242 4242 4242 4242'],
      'card.cvc': ['Enter the 3 or 4 digit security code'],
    })
  })

  it('checks the promo code with the promo service: unknown codes are a field issue, known ones discount', async () => {
    const flow = createWorkflow(checkout)
    const unknown = await flow.next({ ...physical, promo: 'nope' })
    expect(unknown.issues).toEqual({ promo: ['Promo code NOPE is not valid or has expired'] })
    const known = await flow.next({ ...physical, promo: ' flow10 ' })
    expect(known.state.cart?.promo).toEqual({ code: 'FLOW10', percentOff: 10, label: '10% off everything' })
    expect(totalsOf(known.state)).toMatchObject({ subtotal: 7100, discount: 710 })
  })

  it('shows a promo service outage as an error, and the retry succeeds', async () => {
    const flow = createWorkflow(checkout)
    setFailNext('promo', true)
    const failed = await flow.next({ ...physical, promo: 'WELCOME20' })
    expect(failed.step).toBe('cart')
    expect(failed.error?.message).toContain('promo code check service did not respond')
    expect(failed.drafts.cart).toEqual({ ...physical, promo: 'WELCOME20' })
    expect((await flow.next(failed.drafts.cart)).step).toBe('shipping.name')
  })

  it('keeps the address when the address check fails, and moves on when it is retried', async () => {
    const flow = createWorkflow(checkout, { log: journeyLog() })
    await flow.next(physical)
    await flow.next(name)
    setFailNext('address', true)
    const pending = flow.next(address)
    expect(flow.getSnapshot().status).toBe('busy')
    const failed = await pending
    expect(failed).toMatchObject({ step: 'shipping.lines', status: 'idle', drafts: { 'shipping.lines': address } })
    expect(failed.error?.code).toBe('ACTION_FAILED')
    expect(failed.log.at(-1)).toMatchObject({ type: 'error', step: 'shipping.lines', reason: 'ACTION_FAILED' })
    expect((await flow.next(failed.drafts['shipping.lines'])).step).toBe('billingSame')
  })

  it('turns an undeliverable postcode into an error that says what to change', async () => {
    const flow = createWorkflow(checkout)
    await flow.next(physical)
    await flow.next(name)
    const snapshot = await flow.next({ ...address, postcode: '00000' })
    expect(snapshot.step).toBe('shipping.lines')
    expect(snapshot.error?.message).toContain('We cannot deliver to postcode 00000')
  })

  it('keeps the user on review with everything when payment authorization fails, and retry places the order', async () => {
    const flow = createWorkflow(checkout)
    const atReview = await completeUntilReview(flow, [physical, name, address, sameBilling, { method: 'standard' }, card])
    setFailNext('payment', true)
    const failed = await flow.next()
    expect(failed.status).toBe('idle')
    expect(failed.step).toBe('review')
    expect(failed.error?.message).toContain('payment authorization service did not respond')
    expect(failed.state).toEqual(atReview.state)
    const placed = await flow.next()
    expect(placed.status).toBe('done')
    expect(placed.state.order?.orderId).toMatch(/^FK-/)
  })

  it('declines the test card ending 0002 until the user changes the card', async () => {
    const flow = createWorkflow(checkout)
    const declined = { method: 'card', card: { ...card.card, number: '4000 0000 0000 0002' } }
    await completeUntilReview(flow, [digital, { method: 'email' }, declined])
    expect((await flow.next()).error?.message).toContain('declined the card ending 0002')
    flow.goTo('payment')
    await flow.next(card)
    expect((await flow.next()).status).toBe('done')
  })

  it('resumes from a persisted snapshot without the card number or security code', async () => {
    const flow = createWorkflow(checkout)
    await completeUntilReview(flow, [physical, name, address, sameBilling, { method: 'standard' }, card])
    const saved = JSON.parse(JSON.stringify(getPersistedSnapshot(flow, { exclude: ['card.number', 'card.cvc'] })))
    expect(JSON.stringify(saved)).not.toContain('4242 4242')
    const resumed = resumeWorkflow(checkout, saved).getSnapshot()
    expect(resumed.step).toBe('review')
    expect(resumed.state).toEqual(flow.getSnapshot().state)
  })
})
