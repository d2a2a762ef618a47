import { createWorkflow, getPersistedSnapshot, replay, settled } from '@flowkit/core'
import { beforeEach, describe, expect, it } from 'vitest'
import { address } from '../src/flows/address'
import { checkout } from '../src/flows/checkout'
import { enrollment } from '../src/flows/enrollment'
import { setFailNext, setServiceLatency } from '../src/services/faults'

const ada = { fullName: 'Ada Lovelace' }
const dublin = { line1: '12 merrion square', city: 'dublin', postcode: 'd02 x285', country: 'IE' }
const cork = { line1: '1 Grand Parade', city: 'cork', postcode: 't12 x70a', country: 'IE' }
const card = { method: 'card', card: { name: 'Ada Lovelace', number: '4242424242424242', expiry: '08/29', cvc: '123' } }
const hoodie = { quantities: { hoodie: 1 }, promo: '' }

/** A checkout at review, billed to `billing` (or to the delivery address without it). */
const atReview = async (billing?: typeof cork) => {
  const flow = createWorkflow(checkout)
  const inputs = [hoodie, ada, dublin, { same: billing ? 'no' : 'yes' }, ...(billing ? [{ fullName: 'Accounts' }, billing] : [])]
  for (const input of [...inputs, { method: 'standard' }, card]) await flow.next(input)
  expect(flow.getSnapshot()).toMatchObject({ step: 'review', error: null })
  return flow
}

beforeEach(() => {
  setServiceLatency(1)
  setFailNext('address', false)
})

describe('the address sub-flow', () => {
  it('is one definition with a name step and a lines step that the carrier verifies', async () => {
    const flow = createWorkflow(address)
    await flow.next(ada)
    const done = await flow.next(dublin)
    expect(done.status).toBe('done')
    expect(done.state).toEqual({
      fullName: 'Ada Lovelace',
      line1: '12 merrion square',
      city: 'Dublin',
      postcode: 'D02 X285',
      country: 'IE',
      verified: true,
    })
  })

  it('is laid out twice in the checkout, shipping and billing, each with its own data', async () => {
    const flow = await atReview(cork)
    const { history, state } = flow.getSnapshot()
    expect(history.slice(0, 6)).toEqual(['cart', 'shipping.name', 'shipping.lines', 'billingSame', 'billing.name', 'billing.lines'])
    expect(state.shipping).toMatchObject({ fullName: 'Ada Lovelace', city: 'Dublin', verified: true })
    expect(state.billing).toMatchObject({ fullName: 'Accounts', city: 'Cork', postcode: 'T12 X70A', verified: true })
    expect(checkout.steps['billing.lines'].groups?.[0]).toMatchObject({ step: 'billing', kind: 'flow', flow: 'address', key: 'billing' })
  })

  it('asks for billing only when it differs from the delivery address; "same" drops a billing address given before', async () => {
    const same = await atReview()
    expect(same.getSnapshot()).toMatchObject({ skipped: ['billing.name'], state: { billingSame: true, billing: null } })
    const differs = await atReview(cork)
    differs.goTo('billingSame')
    await differs.next({ same: 'yes' })
    const back = await settled(differs, differs.goTo('review'))
    expect(back).toMatchObject({ step: 'review', state: { billingSame: true, billing: null } })
  })

  it('changes the billing address from check answers and comes back to review, the rest replayed', async () => {
    const flow = await atReview(cork)
    flow.goTo('billing.name')
    expect(flow.getSnapshot().drafts['billing.lines']).toEqual(cork)
    await flow.next({ fullName: 'Accounts Payable' })
    // The rest of the billing sub-flow comes next, prefilled: in the app the user pages through it (useStep's
    // way back shows each page of the sub-flow a change is in).
    expect(flow.getSnapshot().step).toBe('billing.lines')
    expect(flow.getSnapshot().drafts['billing.lines']).toEqual(cork)
    await flow.next({ ...cork, line1: '2 Grand Parade' })
    const back = await settled(flow, flow.goTo('review'))
    expect(back.step).toBe('review')
    expect(back.state.billing).toMatchObject({ fullName: 'Accounts Payable', line1: '2 Grand Parade' })
    expect(back.state.shipping).toMatchObject({ line1: '12 merrion square' })
    expect(back.state.delivery).toEqual({ method: 'standard' })
  })

  it('says no to the same address from check answers: the billing steps come next, not review', async () => {
    const flow = await atReview()
    flow.goTo('billingSame')
    await flow.next({ same: 'no' })
    const stopped = await settled(flow, flow.goTo('review'))
    expect(stopped.step).toBe('billing.name')
  })

  it('names the enrollment home address after the applicant (`in`), passing over its name step', async () => {
    const flow = createWorkflow(enrollment)
    await flow.next({ fullName: 'Grace Hopper', email: 'grace@example.com', birthDate: '1990-12-09' })
    expect(flow.getSnapshot()).toMatchObject({ step: 'home.lines', skipped: ['home.name'] })
    const next = await flow.next({ ...cork, postcode: '00000' })
    expect(next).toMatchObject({ step: 'home.lines', error: { code: 'ACTION_FAILED' } })
    await flow.next(cork)
    expect(flow.getSnapshot().state.home).toMatchObject({ fullName: 'Grace Hopper', city: 'Cork', verified: true })
  })

  it('verifies on replay with actions (the server), and refuses a tampered billing address', async () => {
    const flow = await atReview(cork)
    const persisted = structuredClone(getPersistedSnapshot(flow))
    const replayed = await replay(checkout, persisted, { actions: true })
    expect(replayed.snapshot.state.billing).toEqual(flow.getSnapshot().state.billing)
    const frame = persisted.path.find((f) => f.step === 'billing.lines') as unknown as { patch: { billing: object } }
    frame.patch = { billing: { ...frame.patch.billing, city: 'Paris' } }
    await expect(Promise.resolve(replay(checkout, persisted, { actions: true }))).rejects.toMatchObject({ code: 'STATE_MISMATCH' })
  })
})
