import {
  checkDefinition,
  composeWorkflow,
  createWorkflow,
  defineWorkflow,
  edgesOf,
  getPersistedSnapshot,
  replay,
  type WorkflowDefinition,
  WorkflowError,
} from '@flowkit/core'
import { describe, expect, expectTypeOf, test, vi } from 'vitest'
import { z } from 'zod'

const address = defineWorkflow({
  id: 'address',
  initial: 'street',
  state: { street: '', city: '', country: 'GB' },
  steps: {
    street: { title: 'Street', validate: z.object({ street: z.string().min(1) }), next: 'city' },
    city: { title: 'City', validate: z.object({ city: z.string().min(1) }), final: true },
  },
})

interface Checkout {
  sameAddress: boolean
  shipping?: { street: string; city: string; country: string }
  billing?: { street: string; city: string; country: string }
  paid?: boolean
}

const checkout = composeWorkflow({
  id: 'checkout',
  initial: 'shipping',
  state: { sameAddress: true } as Checkout,
  steps: {
    shipping: { title: 'Delivery address', flow: address, next: 'same' },
    same: { validate: z.object({ sameAddress: z.boolean() }), next: 'billing' },
    billing: {
      title: 'Billing address',
      flow: address,
      in: ({ state }) => ({ country: state.shipping?.country ?? 'GB' }),
      skip: ({ state }) => (state.sameAddress ? 'same as delivery' : false),
      next: 'pay',
    },
    pay: { actions: [() => ({ paid: true })], final: true },
  },
})

describe('sub-flows', () => {
  test("the child's steps join the parent's path, typed, and its data lives under the step's key", async () => {
    expectTypeOf<Parameters<typeof createWorkflow<Checkout, 'x'>>[0]>().not.toBeAny()
    const flow = createWorkflow(checkout)
    expect(flow.getSnapshot().step).toBe('shipping.street')
    await flow.next({ street: '1 High St' })
    expect(flow.getSnapshot().step).toBe('shipping.city')
    expect(flow.getSnapshot().upcoming).toEqual(['same', 'pay'])
    await flow.next({ city: 'Leeds' })
    expect(flow.getSnapshot().state.shipping).toEqual({ street: '1 High St', city: 'Leeds', country: 'GB' })
    await flow.next({ sameAddress: false })
    expect(flow.getSnapshot().step).toBe('billing.street')
    expect(flow.getSnapshot().history).toEqual(['shipping.street', 'shipping.city', 'same', 'billing.street'])
    await flow.next({ street: '2 Low Rd' })
    await flow.next({ city: 'York' })
    expect(flow.getSnapshot().state.billing).toEqual({ street: '2 Low Rd', city: 'York', country: 'GB' })
    expect(flow.getSnapshot().step).toBe('pay')
    await flow.next()
    expect(flow.getSnapshot().status).toBe('done')
    const id: (typeof checkout)['initial'] = 'billing.city'
    expect(typeof id).toBe('string')
  })

  test('a skipped sub-flow is passed over as a whole; back crosses the boundary both ways', async () => {
    const flow = createWorkflow(checkout)
    await flow.next({ street: 'a' })
    await flow.next({ city: 'b' })
    await flow.next({ sameAddress: true })
    expect(flow.getSnapshot().step).toBe('pay')
    expect(flow.getSnapshot().skipped).toEqual(['billing.street'])
    expect(flow.getSnapshot().state.billing).toBeUndefined()
    flow.back()
    flow.back()
    expect(flow.getSnapshot().step).toBe('shipping.city')
    flow.back()
    expect(flow.getSnapshot().step).toBe('shipping.street')
    expect(flow.getSnapshot().state.shipping).toBeUndefined()
  })

  test("leaving the branch drops the child's data (path-scoped), and replay agrees with the live instance", async () => {
    const flow = createWorkflow(checkout)
    await flow.run(
      {
        'shipping.street': { street: 'a' },
        'shipping.city': { city: 'b' },
        same: { sameAddress: false },
        'billing.street': { street: 'c' },
      },
      { until: 'billing.city' },
    )
    expect(flow.getSnapshot().state.billing).toEqual({ street: 'c', city: '', country: 'GB' })
    const replayed = await replay(checkout, getPersistedSnapshot(flow), { actions: true })
    expect(replayed.snapshot.state).toEqual(flow.getSnapshot().state)
    flow.goTo('same')
    await flow.next({ sameAddress: true })
    expect(flow.getSnapshot().state.billing).toBeUndefined()
  })

  test('checkDefinition returns the problems of a sub-flow passed as a plain object, said of the step that includes it, instead of throwing', () => {
    const address = { id: 'address', initial: 'street', state: {}, steps: { street: { next: 'cty' }, city: { final: true } } }
    const order = { id: 'order', initial: 'billing', state: {}, steps: { billing: { flow: address, next: 'done' }, done: { final: true } } }
    expect(checkDefinition(order)).toEqual([
      {
        code: 'UNKNOWN_STEP',
        message:
          "in sub-flow 'address', included by step 'billing': step 'street' names next step 'cty', which is not defined; defined steps: street, city. Did you mean 'city'?",
        hint: "Did you mean 'city'?",
        step: 'billing',
        path: ['steps', 'billing', 'flow', 'steps', 'street', 'next'],
      },
    ])
    const repeated = { ...order, steps: { billing: { repeat: { flow: address, max: 2 }, next: 'done' }, done: { final: true } } }
    expect(checkDefinition(repeated)[0]?.path).toEqual(['steps', 'billing', 'repeat', 'flow', 'steps', 'street', 'next'])
  })

  test('checks: a flow that is not a definition, one that includes itself, a sub-flow step with validate', () => {
    expect(
      checkDefinition({ id: 'p', initial: 'a', state: {}, steps: { a: { flow: undefined, next: 'b' }, b: { final: true } } })[0]?.code,
    ).toBe('INVALID_SUBFLOW')
    const loop: { id: string; initial: string; state: object; steps: Record<string, unknown> } = {
      id: 'loop',
      initial: 'a',
      state: {},
      steps: {},
    }
    loop.steps = { a: { flow: loop, next: 'b' }, b: { final: true } }
    expect(checkDefinition(loop).map((p) => p.code)).toContain('RECURSIVE_SUBFLOW')
    expect(() => composeWorkflow(loop as never)).toThrow(/includes itself/)
    expect(
      checkDefinition({
        id: 'p',
        initial: 'a',
        state: {},
        steps: { a: { flow: address, validate: z.object({}), next: 'b' }, b: { final: true } },
      })[0]?.message,
    ).toMatch(/cannot have `validate`/)
  })

  test('edges point into and out of the child', () => {
    expect(edgesOf(checkout, 'shipping.city').map((e) => e.to)).toEqual(['same'])
    expect(edgesOf(checkout, 'same').map((e) => e.to)).toEqual(['billing.street'])
    expect(checkout.steps['billing.city'].groups?.[0]).toMatchObject({
      step: 'billing',
      kind: 'flow',
      flow: 'address',
      key: 'billing',
      local: 'city',
    })
  })
})

describe('defineWorkflow is for flat flows, composeWorkflow lays sub-flows and repeats out', () => {
  const fix = "define it with composeWorkflow({ ... }) — the same config — from '@flowkit/core'"
  const composed = () =>
    ({
      id: 'order',
      initial: 'cart',
      state: {},
      steps: {
        cart: { next: 'shipping' },
        shipping: { title: 'Delivery address', flow: address, next: 'items' },
        items: { repeat: { flow: address, max: 2 }, next: 'done' },
        done: { final: true },
      },
    }) as const
  const refusal = (config: object): WorkflowError => {
    try {
      defineWorkflow(config as never)
    } catch (error) {
      if (error instanceof WorkflowError) return error
      throw error
    }
    throw new Error('expected a WorkflowError')
  }

  test('defineWorkflow refuses a `flow:` step, naming it and the fix, and changes nothing', () => {
    const config = composed()
    const written = JSON.stringify(config)
    const steps = { ...config.steps }
    const error = refusal(config)
    expect(error).toMatchObject({ code: 'INVALID_SUBFLOW', category: 'definition', step: 'shipping' })
    expect(error.message).toBe(`workflow 'order': step 'shipping' is a sub-flow (\`flow:\`), which only composeWorkflow lays out: ${fix}.`)
    expect(JSON.stringify(config)).toBe(written)
    expect(config.steps).toEqual(steps)
    for (const id of Object.keys(steps)) expect(config.steps[id as keyof typeof steps]).toBe(steps[id as keyof typeof steps])
    // The same definition is refused again (nothing was cached) and by createWorkflow.
    expect(refusal(config).step).toBe('shipping')
    expect(() => createWorkflow(config as unknown as WorkflowDefinition)).toThrow(fix)
  })

  test('defineWorkflow refuses a `repeat:` step the same way', () => {
    const { shipping: _, ...steps } = composed().steps
    const error = refusal({ ...composed(), steps: { ...steps, cart: { next: 'items' } } })
    expect(error).toMatchObject({ code: 'INVALID_SUBFLOW', category: 'definition', step: 'items' })
    expect(error.message).toContain(`step 'items' is a repeat (\`repeat:\`), which only composeWorkflow lays out: ${fix}.`)
  })

  test('the refusal holds in production (no message there), so a composed flow never runs half laid out', () => {
    vi.stubEnv('NODE_ENV', 'production')
    try {
      const error = refusal(composed())
      expect(error).toMatchObject({ code: 'INVALID_SUBFLOW', category: 'definition', step: 'shipping' })
    } finally {
      vi.unstubAllEnvs()
    }
  })

  test('composeWorkflow of the same config lays it out', () => {
    const order = composeWorkflow(composed())
    expect(Object.keys(order.steps)).toEqual([
      'cart',
      'shipping.street',
      'shipping.city',
      'items',
      'items.0.street',
      'items.0.city',
      'items.1.street',
      'items.1.city',
      'done',
    ])
    expect(createWorkflow(order).getSnapshot().upcoming).toContain('shipping.street')
  })

  test('composeWorkflow of a flat config is what defineWorkflow returns', async () => {
    const flat = () =>
      ({
        id: 'flat',
        initial: 'a',
        state: { n: 0 },
        steps: { a: { validate: z.object({ n: z.number() }), next: 'b' }, b: { final: true } },
      }) as const
    const config = flat()
    const composedFlat = composeWorkflow(config)
    expect(composedFlat).toBe(config)
    expect(composedFlat).toEqual(defineWorkflow(flat()))
    expectTypeOf(composedFlat).toEqualTypeOf(defineWorkflow(flat()))
    const [one, two] = [createWorkflow(composedFlat), createWorkflow(defineWorkflow(flat()))]
    await one.next({ n: 1 })
    await two.next({ n: 1 })
    const seen = ({ step, state, history, status, progress }: ReturnType<typeof one.getSnapshot>) => ({
      step,
      state,
      history,
      status,
      progress,
    })
    expect(seen(one.getSnapshot())).toEqual(seen(two.getSnapshot()))
    expect(() => composeWorkflow({ ...flat(), initial: 'c' } as never)).toThrow(/`initial` names step 'c', which is not defined/)
  })
})
