import { createWorkflow, defineWorkflow, journeyLog, settled } from '@flowkit/core'
import { describe, expect, test } from 'vitest'
import { z } from 'zod'

/** A checkout whose `pay` step charges a card (an async action) and whose `ship` step checks an address. */
const checkout = () => {
  const calls = { pay: 0, ship: 0 }
  const definition = defineWorkflow({
    id: 'checkout',
    initial: 'cart',
    state: { qty: 0, address: '', paymentId: '' },
    steps: {
      cart: { validate: z.object({ qty: z.number().int().min(1) }), next: 'ship' },
      ship: {
        actions: [
          ({ input }) => {
            calls.ship++
            return { address: (input as { address: string }).address }
          },
        ],
        next: 'pay',
      },
      pay: {
        actions: [
          async () => {
            calls.pay++
            await Promise.resolve()
            return { paymentId: `p_${calls.pay}` }
          },
        ],
        next: 'review',
      },
      review: { final: true },
    },
  })
  return { definition, calls }
}

const toReview = async () => {
  const { definition, calls } = checkout()
  const flow = createWorkflow(definition, { log: journeyLog() })
  await flow.next({ qty: 2 })
  await flow.next({ address: '1 Main St' })
  await flow.next()
  expect(flow.getSnapshot().step).toBe('review')
  return { flow, calls }
}

describe('going forward again over the answers already given does not run their steps twice', () => {
  test('goTo forward after going back puts the earlier completions back: the card is charged once', async () => {
    const { flow, calls } = await toReview()
    const before = flow.getSnapshot()
    flow.goTo('cart')
    const again = flow.goTo('review')
    // Synchronous: no step ran, so nothing was busy on the way.
    expect([again.step, again.status]).toEqual(['review', 'idle'])
    expect(calls).toEqual({ pay: 1, ship: 1 })
    expect(again.state).toEqual(before.state)
    expect(again.history).toEqual(before.history)
    expect(again.state.paymentId).toBe('p_1')
  })

  test("run(drafts, { until }) (the browser's forward button) redoes the steps too", async () => {
    const { flow, calls } = await toReview()
    flow.back()
    flow.back()
    const forward = await flow.run(flow.getSnapshot().drafts, { until: 'review' })
    expect(forward.step).toBe('review')
    expect(calls).toEqual({ pay: 1, ship: 1 })
  })

  test('next() with the same answer after Back does not run the step again; a changed answer does, and the steps after it too', async () => {
    const { flow, calls } = await toReview()
    flow.goTo('ship')
    expect((await flow.next({ address: '1 Main St' })).step).toBe('pay')
    expect(calls.ship).toBe(1)
    flow.goTo('ship')
    await flow.next({ address: '2 High St' })
    expect(calls.ship).toBe(2)
    const review = flow.goTo('review')
    expect(review.status).toBe('busy') // pay runs again: the state it sees changed
    await flow.run({}, { until: 'review' })
    expect(calls.pay).toBe(2)
    expect(flow.getSnapshot().state).toMatchObject({ address: '2 High St', paymentId: 'p_2' })
  })

  test('a draft changed on the way back is run again, as next() runs it', async () => {
    const { flow, calls } = await toReview()
    flow.goTo('ship')
    flow.setDraft('ship', { address: '3 Low Rd' })
    flow.goTo('cart')
    await flow.run(flow.getSnapshot().drafts, { until: 'review' })
    expect(calls.ship).toBe(2)
    expect(calls.pay).toBe(2)
    expect(flow.getSnapshot().state.address).toBe('3 Low Rd')
  })

  test('moving further back along the path left keeps all of it; reset forgets it', async () => {
    const { flow, calls } = await toReview()
    flow.back()
    flow.setDraft('cart', { qty: 2 }) // typing keeps the path left
    flow.back()
    flow.back()
    expect(flow.getSnapshot().step).toBe('cart')
    expect(flow.goTo('review').step).toBe('review')
    expect(calls).toEqual({ pay: 1, ship: 1 })
    flow.reset()
    await flow.next({ qty: 2 })
    await flow.next({ address: '1 Main St' })
    expect(calls.ship).toBe(2)
  })

  test('a step redone after a failed attempt clears the error; the journey log records it as completed', async () => {
    const { flow } = await toReview()
    flow.goTo('cart')
    await flow.next({ qty: 0 })
    expect(Object.keys(flow.getSnapshot().issues)).toEqual(['qty'])
    const redone = await flow.next({ qty: 2 })
    expect([redone.step, redone.error, redone.issues]).toEqual(['ship', null, {}])
    const last = redone.log.at(-1)
    expect(last).toMatchObject({ type: 'entered', step: 'ship' })
    expect(redone.log.filter((entry) => entry.type === 'completed' && entry.step === 'cart')).toHaveLength(2)
  })

  test('a guard that now answers differently takes the new way, with the earlier completion kept', async () => {
    let express = false
    const definition = defineWorkflow({
      id: 'fork',
      initial: 'a',
      state: { n: 0 },
      steps: {
        a: { next: [{ to: 'fast', when: () => express }, { to: 'slow' }] },
        slow: { next: 'end' },
        fast: { next: 'end' },
        end: { final: true },
      },
    })
    const flow = createWorkflow(definition)
    await flow.next({ n: 1 })
    await flow.next()
    flow.goTo('a')
    express = true
    const next = await flow.next({ n: 1 })
    expect([next.step, next.state]).toEqual(['fast', { n: 1 }])
  })

  test('a step with redo: false runs its actions every time (a fresh quote for the same answer)', async () => {
    let quotes = 0
    const definition = defineWorkflow({
      id: 'quote',
      initial: 'trip',
      state: { price: 0 },
      steps: {
        trip: {
          redo: false,
          actions: [
            () => {
              quotes++
              return { price: 100 + quotes }
            },
          ],
          next: 'book',
        },
        book: { final: true },
      },
    })
    const flow = createWorkflow(definition)
    await flow.next({ to: 'Oslo' })
    flow.back()
    const again = await flow.next({ to: 'Oslo' })
    expect([quotes, again.state.price]).toEqual([2, 102])
  })

  test('goTo the current step moves nowhere and keeps the path left: the next round trip charges nothing again', async () => {
    const { flow, calls } = await toReview()
    flow.goTo('ship')
    await flow.next({ address: '2 High St' }) // another answer: a new path, charged again
    await flow.next()
    expect(calls.pay).toBe(2)
    flow.goTo('review') // a stepper click on the step the user is on
    flow.goTo('cart')
    const back = flow.goTo('review')
    await settled(flow)
    expect([flow.getSnapshot().step, flow.getSnapshot().state.address, calls.pay, back.status]).toEqual(['review', '2 High St', 2, 'idle'])
  })

  test('an input next() refuses is refused after Back too, though its JSON is the answer given before', async () => {
    const { flow } = await toReview()
    flow.goTo('cart')
    class Quantity {
      constructor(readonly qty: number) {}
      toJSON() {
        return { qty: this.qty }
      }
    }
    const refused = await flow.next(new Quantity(2))
    expect([refused.step, refused.error?.code]).toEqual(['cart', 'INVALID_INPUT'])
    expect((await flow.next({ qty: 2 })).step).toBe('ship')
  })
})
