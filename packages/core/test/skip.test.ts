import { createWorkflow, defineWorkflow, journeyLog } from '@flowkit/core'
import { describe, expect, test, vi } from 'vitest'

const ran: string[] = []
const checkout = defineWorkflow({
  id: 'checkout',
  initial: 'cart',
  state: { digital: false, address: '' },
  steps: {
    cart: { next: 'shipping' },
    shipping: {
      skip: ({ state }) => (state.digital ? 'only digital goods' : false),
      actions: [
        () => {
          ran.push('shipping')
        },
      ],
      next: 'payment',
    },
    payment: { next: 'review' },
    review: { final: true },
  },
})

describe('skipped steps', () => {
  test('a skipped step never becomes current, its actions never run, and it is not in history', async () => {
    ran.length = 0
    const workflow = createWorkflow(checkout)
    const seen: string[] = []
    workflow.subscribe((s) => seen.push(s.step))
    await workflow.next({ digital: true })
    const after = workflow.getSnapshot()
    expect(after.step).toBe('payment')
    expect(seen).not.toContain('shipping')
    expect(ran).toEqual([])
    expect(after.history).toEqual(['cart', 'payment'])
    expect(after.skipped).toEqual(['shipping'])
  })

  test('the journey log records the skip with its reason', async () => {
    const workflow = createWorkflow(checkout, { log: journeyLog() })
    await workflow.next({ digital: true })
    expect(workflow.getSnapshot().log.find((e) => e.type === 'skipped')).toMatchObject({ step: 'shipping', reason: 'only digital goods' })
  })

  test('back() from after a skip returns to the last visited step, never the skipped one', async () => {
    const workflow = createWorkflow(checkout)
    await workflow.next({ digital: true })
    expect(workflow.back().step).toBe('cart')
  })

  test('goTo a skipped step is NOT_VISITED', async () => {
    const workflow = createWorkflow(checkout)
    await workflow.next({ digital: true })
    expect(() => workflow.goTo('shipping')).toThrow(/not on the path taken so far \(cart, payment\)/)
  })

  test('when the answer changes, a skipped step is shown', async () => {
    const workflow = createWorkflow(checkout)
    await workflow.next({ digital: true })
    workflow.back()
    expect((await workflow.next({ digital: false })).step).toBe('shipping')
  })

  test('the initial step can be skipped too', () => {
    const flow = defineWorkflow({
      id: 'intro',
      initial: 'welcome',
      state: { returning: true },
      steps: { welcome: { skip: ({ state }) => state.returning, next: 'form' }, form: { final: true } },
    })
    const snapshot = createWorkflow(flow).getSnapshot()
    expect(snapshot.step).toBe('form')
    expect(snapshot.history).toEqual(['form'])
    expect(snapshot.skipped).toEqual(['welcome'])
  })

  test('a chain of skips is followed to the first shown step', async () => {
    const flow = defineWorkflow({
      id: 'chain',
      initial: 'a',
      state: {},
      steps: { a: { next: 'b' }, b: { skip: () => true, next: 'c' }, c: { skip: () => true, next: 'd' }, d: { final: true } },
    })
    const after = await createWorkflow(flow).next()
    expect(after.step).toBe('d')
    expect(after.skipped).toEqual(['b', 'c'])
  })

  test('a skip cycle that slips past the checks (production builds drop them) is capped at run time: SKIP_LOOP, state unchanged', async () => {
    vi.stubEnv('NODE_ENV', 'production')
    try {
      const skip = ({ state }: { state: { loop: boolean } }) => state.loop
      const flow = defineWorkflow({
        id: 'loop',
        initial: 'a',
        state: { loop: false },
        steps: { a: { next: 'b' }, b: { skip, next: 'c' }, c: { skip, next: [{ to: 'b', when: skip }, { to: 'd' }] }, d: { final: true } },
      })
      const after = await createWorkflow(flow).next({ loop: true })
      expect(after.error?.code).toBe('SKIP_LOOP')
      expect(after.step).toBe('a')
      expect(after.state).toEqual({ loop: false })
    } finally {
      vi.unstubAllEnvs()
    }
  })
})
