import { createWorkflow, settled } from '@flowkit/core'
import { beforeEach, describe, expect, it } from 'vitest'
import { checkout } from '../src/flows/checkout'
import { enrollment } from '../src/flows/enrollment'
import { setFailNext, setServiceLatency } from '../src/services/faults'

const name = { fullName: 'Ada Lovelace' }
const address = { line1: '1 Main Street', city: 'Dublin', postcode: 'D02 X285', country: 'IE' }
const card = { method: 'card', card: { name: 'Ada Lovelace', number: '4242424242424242', expiry: '08/29', cvc: '123' } }

const atReview = async () => {
  const flow = createWorkflow(checkout)
  for (const input of [{ quantities: { hoodie: 1 }, promo: '' }, name, address, { same: 'yes' }, { method: 'standard' }, card])
    await flow.next(input)
  expect(flow.getSnapshot().step).toBe('review')
  return flow
}

beforeEach(() => {
  setServiceLatency(1)
  setFailNext('address', false)
})

describe('goTo forward (the way back to review after a check-answers page\'s "Change" link)', () => {
  it('brings the user back to review after changing an early answer, re-checking what follows', async () => {
    const flow = await atReview()
    flow.goTo('shipping.lines')
    await flow.next({ ...address, line1: '2 Side Street' })
    const back = await settled(flow, flow.goTo('review'))
    expect(back.step).toBe('review')
    expect(back.state.shipping?.line1).toBe('2 Side Street')
    expect(back.state.delivery).toEqual({ method: 'standard' })
    expect(back.history).toEqual(['cart', 'shipping.name', 'shipping.lines', 'billingSame', 'delivery', 'payment', 'review'])
  })

  it('stops on a step of a new branch, which has no answers yet', async () => {
    const flow = await atReview()
    flow.goTo('payment')
    await flow.next({ method: 'invoice' })
    const stopped = await settled(flow, flow.goTo('review'))
    expect(stopped.step).toBe('company')
    await flow.next({ name: 'Engines Ltd', vatNumber: 'IE6388047V', billingEmail: 'a@example.com' })
    expect((await settled(flow, flow.goTo('review'))).step).toBe('review')
  })

  it('stops where a later step no longer fits, with the reason', async () => {
    const flow = await atReview()
    flow.goTo('cart')
    await flow.next({ quantities: { license: 1 }, promo: '' })
    const stopped = await settled(flow, flow.goTo('review'))
    expect(stopped.step).toBe('delivery')
    expect(stopped.skipped).toEqual(['shipping.name', 'billingSame', 'billing.name'])
    expect(stopped.error).toBeNull()
    expect(stopped.issues).toEqual({ method: ['Standard delivery is not available for this basket; choose another method.'] })
  })

  it('stops on an async failure and leaves the drafts for a retry', async () => {
    const flow = await atReview()
    flow.goTo('cart')
    await flow.next({ quantities: { hoodie: 2 }, promo: '' })
    setFailNext('address', true)
    const stopped = await settled(flow, flow.goTo('review'))
    expect(stopped).toMatchObject({ step: 'shipping.lines', error: { code: 'ACTION_FAILED' } })
    await flow.next(stopped.drafts['shipping.lines'])
    expect((await settled(flow, flow.goTo('review'))).step).toBe('review')
  })

  it('leaves a flow already at the target where it is', async () => {
    const flow = createWorkflow(enrollment)
    expect(await settled(flow, flow.goTo('about'))).toMatchObject({ step: 'about', history: ['about'], error: null })
  })
})
