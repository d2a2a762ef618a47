import { composeWorkflow, createWorkflow, defineWorkflow, type StateOf, type StepIdOf } from '@flowkit/core'
import { describe, expectTypeOf, test } from 'vitest'
import { z } from 'zod'

const checkout = defineWorkflow({
  id: 'checkout',
  initial: 'cart',
  state: { items: 0, method: undefined as 'card' | 'invoice' | undefined },
  steps: {
    cart: { next: 'payment', validate: z.object({ items: z.number() }) },
    payment: {
      next: [
        { to: 'company', when: ({ state }) => state.method === 'invoice' },
        { to: 'review', label: 'card' },
      ],
    },
    company: { next: ({ state }) => (state.items > 0 ? 'review' : undefined), targets: ['review'] },
    review: { final: true },
  },
})

describe('definition types', () => {
  test('step ids are the keys of steps', () => {
    expectTypeOf<StepIdOf<typeof checkout>>().toEqualTypeOf<'cart' | 'payment' | 'company' | 'review'>()
  })

  test('the state type comes from the initial state', () => {
    expectTypeOf<StateOf<typeof checkout>>().toEqualTypeOf<{ items: number; method: 'card' | 'invoice' | undefined }>()
  })

  test('an unknown next step is a compile error', () => {
    defineWorkflow({
      id: 'x',
      initial: 'a',
      state: {},
      // @ts-expect-error 'reveiw' is not a step
      steps: { a: { next: 'reveiw' }, review: { final: true } },
    })
  })

  test('an unknown initial step is a compile error', () => {
    defineWorkflow({
      id: 'x',
      // @ts-expect-error 'start' is not a step
      initial: 'start',
      state: {},
      steps: { a: { final: true } },
    })
  })

  test('an unknown guarded target is a compile error', () => {
    defineWorkflow({
      id: 'x',
      initial: 'a',
      state: {},
      // @ts-expect-error 'c' is not a step
      steps: { a: { next: [{ to: 'c' }] }, b: { final: true } },
    })
  })

  test('actions see the typed state and return typed patches', () => {
    defineWorkflow({
      id: 'x',
      initial: 'a',
      state: { count: 0 },
      steps: {
        a: {
          actions: [
            ({ state }) => {
              expectTypeOf(state.count).toEqualTypeOf<number>()
              return { count: state.count + 1 }
            },
            // @ts-expect-error count is a number
            () => ({ count: 'one' }),
          ],
          next: 'b',
        },
        b: { final: true },
      },
    })
  })
})

describe('instance types', () => {
  const workflow = createWorkflow(checkout)

  test('goTo takes only step ids', () => {
    workflow.goTo('cart')
    // @ts-expect-error not a step
    expectTypeOf(workflow.goTo).toBeCallableWith('carts')
  })

  test('snapshots are typed by the definition', () => {
    const snapshot = workflow.getSnapshot()
    expectTypeOf(snapshot.step).toEqualTypeOf<'cart' | 'payment' | 'company' | 'review'>()
    expectTypeOf(snapshot.state.items).toEqualTypeOf<number>()
    expectTypeOf(snapshot.history).toEqualTypeOf<readonly ('cart' | 'payment' | 'company' | 'review')[]>()
  })

  test('run inputs are keyed by step id', () => {
    void workflow.run({ cart: { items: 1 } })
    // @ts-expect-error not a step
    void workflow.run({ basket: {} })
  })
})

describe('input types', () => {
  test("an action's input is the output type of its step's validate schema", () => {
    defineWorkflow({
      id: 'typed',
      initial: 'email',
      state: { email: '', age: 0 },
      steps: {
        email: {
          validate: z.object({ email: z.string().email(), age: z.coerce.number() }),
          actions: [
            ({ input }) => {
              expectTypeOf(input).toEqualTypeOf<{ email: string; age: number }>()
              return { email: input.email, age: input.age }
            },
          ],
          next: 'done',
        },
        done: {
          actions: [
            ({ input }) => {
              expectTypeOf(input).toEqualTypeOf<unknown>()
            },
          ],
          final: true,
        },
      },
    })
  })
})

describe('composition types', () => {
  const address = defineWorkflow({
    id: 'address',
    initial: 'street',
    state: { street: '' },
    steps: { street: { next: 'city' }, city: { final: true } },
  })

  test("defineWorkflow refuses `flow:` and `repeat:` steps at compile time; composeWorkflow names the child's steps", () => {
    defineWorkflow({
      id: 'order',
      initial: 'shipping',
      state: {},
      // @ts-expect-error a sub-flow is composeWorkflow's
      steps: { shipping: { flow: address, next: 'done' }, done: { final: true } },
    })
    defineWorkflow({
      id: 'order',
      initial: 'items',
      state: {},
      // @ts-expect-error a repeat is composeWorkflow's
      steps: { items: { repeat: { flow: address, max: 2 }, next: 'done' }, done: { final: true } },
    })
    const order = composeWorkflow({
      id: 'order',
      initial: 'shipping',
      state: {},
      steps: {
        shipping: { flow: address, next: 'items' },
        items: { repeat: { flow: address, max: 2 }, next: 'done' },
        done: { final: true },
      },
    })
    expectTypeOf<StepIdOf<typeof order>>().toEqualTypeOf<
      'shipping.street' | 'shipping.city' | 'items' | `items.${number}.street` | `items.${number}.city` | 'done'
    >()
    expectTypeOf<StepIdOf<typeof address>>().toEqualTypeOf<'street' | 'city'>()
  })
})
