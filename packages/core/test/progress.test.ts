import { createWorkflow, defineWorkflow } from '@flowkit/core'
import { describe, expect, test } from 'vitest'

const checkout = defineWorkflow({
  id: 'checkout',
  initial: 'cart',
  state: { digital: false, method: '' as string },
  steps: {
    cart: { next: 'shipping' },
    shipping: { skip: ({ state }) => state.digital, next: 'payment' },
    payment: {
      next: [
        { to: 'company', when: ({ state }) => state.method === 'invoice' },
        { to: 'review', when: ({ state }) => state.method === 'card' },
      ],
    },
    company: { next: 'review' },
    review: { final: true },
  },
})

describe('progress on the predicted path', () => {
  test('counts the steps predicted from the current state; an undecided choice makes it inexact', () => {
    // cart, shipping, payment, then payment's choice is undecided: at least review follows.
    expect(createWorkflow(checkout).getSnapshot().progress).toEqual({ position: 1, total: 4, exact: false })
  })

  test('skipped steps are not counted', async () => {
    const workflow = createWorkflow(checkout)
    await workflow.next({ digital: true })
    expect(workflow.getSnapshot().progress).toEqual({ position: 2, total: 3, exact: false })
  })

  test('once the choice is decided, the total is exact', async () => {
    const workflow = createWorkflow(checkout)
    await workflow.next({ digital: true })
    await workflow.next({ method: 'invoice' })
    expect(workflow.getSnapshot().progress).toEqual({ position: 3, total: 4, exact: true })
  })

  test('a state known from the start decides choices ahead', () => {
    const known = defineWorkflow({ ...checkout, state: { digital: false, method: 'card' } })
    expect(createWorkflow(known).getSnapshot().progress).toEqual({ position: 1, total: 4, exact: true })
  })

  test('when done, position equals total', async () => {
    const workflow = createWorkflow(checkout)
    await workflow.run({ cart: { digital: true }, payment: { method: 'card' } })
    expect(workflow.getSnapshot().progress).toEqual({ position: 3, total: 3, exact: true })
  })

  test('a loop ahead that the state cannot break is inexact, not a hang', () => {
    const loop = defineWorkflow({
      id: 'loop',
      initial: 'a',
      state: { again: true },
      steps: { a: { next: [{ to: 'a', when: ({ state }) => state.again }, { to: 'b' }] }, b: { final: true } },
    })
    const { progress } = createWorkflow(loop).getSnapshot()
    expect(progress.exact).toBe(false)
    expect(progress.total).toBeGreaterThanOrEqual(2)
  })
})

describe('the predicted path', () => {
  test('upcoming lists the steps predicted after the current one, skipped ones left out', async () => {
    const workflow = createWorkflow(checkout)
    expect(workflow.getSnapshot().upcoming).toEqual(['shipping', 'payment'])
    await workflow.next({ digital: true })
    expect(workflow.getSnapshot().upcoming).toEqual([])
    await workflow.next({ method: 'invoice' })
    expect(workflow.getSnapshot().upcoming).toEqual(['review'])
  })

  test('upcoming is empty when done', async () => {
    const workflow = createWorkflow(checkout)
    await workflow.run({ cart: { digital: true }, payment: { method: 'card' } })
    expect(workflow.getSnapshot().upcoming).toEqual([])
  })
})
