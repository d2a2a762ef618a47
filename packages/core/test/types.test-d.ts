import {
  composeWorkflow,
  createWorkflow,
  defineWorkflow,
  type StateOf,
  type StepDef,
  type StepIdOf,
  type WorkflowDefinition,
} from '@flowkit/core'
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

  test('a next function needs its targets; a fixed next and guarded choices do not', () => {
    defineWorkflow({
      id: 'x',
      initial: 'a',
      state: { n: 0 },
      steps: {
        a: { next: ({ state }) => (state.n > 0 ? 'b' : 'c'), targets: ['b', 'c'] },
        b: { next: [{ to: 'c', when: ({ state }) => state.n > 1 }, { to: 'a' }] },
        c: { final: true },
      },
    })
    defineWorkflow({
      id: 'x',
      initial: 'a',
      state: { n: 0 },
      // @ts-expect-error a next function without targets
      steps: { a: { next: ({ state }) => (state.n > 0 ? 'b' : 'a') }, b: { final: true } },
    })
    composeWorkflow({
      id: 'x',
      initial: 'a',
      state: {},
      // @ts-expect-error a next function without targets, in a composed flow too
      steps: { a: { next: () => 'b' }, b: { final: true } },
    })
    defineWorkflow({
      id: 'x',
      initial: 'a',
      state: {},
      // @ts-expect-error the targets are step ids
      steps: { a: { next: () => 'b', targets: ['b', 'x'] }, b: { final: true } },
    })
  })

  test('steps typed StepDef (built by code) are taken as they are, and checked when defined', () => {
    const steps: Record<'a' | 'b', StepDef<{ n: number }, 'a' | 'b'>> = { a: { next: 'b' }, b: { final: true } }
    expectTypeOf(defineWorkflow({ id: 'x', initial: 'a', state: { n: 0 }, steps })).toEqualTypeOf<
      WorkflowDefinition<{ n: number }, 'a' | 'b'>
    >()
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

  const invite = defineWorkflow({
    id: 'invite',
    initial: 'email',
    state: { email: '', admin: false },
    steps: { email: { final: true } },
  })
  type Address = { street: string }
  type Invite = { email: string; admin: boolean }

  test("a sub-flow's data is in the state under its step id, a repeat's items too, both there once the child has contributed", () => {
    const team = composeWorkflow({
      id: 'team',
      initial: 'name',
      state: { name: '' },
      steps: {
        name: { next: 'office' },
        office: { flow: address, next: 'invites' },
        invites: { repeat: { flow: invite, max: 3 }, next: 'done' },
        done: { final: true },
      },
    })
    expectTypeOf<StateOf<typeof team>>().toEqualTypeOf<{ name: string; office?: Address; invites?: readonly Invite[] }>()
    const snapshot = createWorkflow(team).getSnapshot()
    expectTypeOf(snapshot.state.office).toEqualTypeOf<Address | undefined>()
    expectTypeOf(snapshot.state.invites?.[0]).toEqualTypeOf<Invite | undefined>()
  })

  test('`key` and `repeat.key` move the data, as at run time; a key the state already types keeps its type', () => {
    const team = composeWorkflow({
      id: 'team',
      initial: 'office',
      state: { invites: null as Invite[] | null },
      steps: {
        office: { flow: address, key: 'address', next: 'invites' },
        invites: { repeat: { flow: invite, max: 3, key: 'people' }, next: 'more' },
        more: { repeat: { flow: invite, max: 3, key: 'invites' }, next: 'done' },
        done: { final: true },
      },
    })
    expectTypeOf<StateOf<typeof team>>().toEqualTypeOf<{ invites: Invite[] | null; address?: Address; people?: readonly Invite[] }>()
  })

  test("the parent's guards, `in` and actions see the children's data; `in` returns part of the child's state", () => {
    composeWorkflow({
      id: 'team',
      initial: 'office',
      state: { name: '' },
      steps: {
        office: { flow: address, next: 'invites' },
        invites: {
          repeat: { flow: invite, max: 3 },
          skip: ({ state }) => state.office?.street === '',
          next: ({ state }) => ((state.invites?.length ?? 0) > 1 ? 'review' : 'done'),
          targets: ['review', 'done'],
        },
        review: {
          actions: [
            ({ state }) => {
              expectTypeOf(state.invites).toEqualTypeOf<readonly Invite[] | undefined>()
              return { name: state.office?.street ?? '' }
            },
          ],
          next: [{ to: 'post', when: ({ state }) => state.invites?.some((i) => i.admin) === true }, { to: 'done' }],
        },
        post: { flow: address, in: ({ state }) => ({ street: state.office?.street ?? '' }), next: 'done' },
        done: { final: true },
      },
    })
    composeWorkflow({
      id: 'team',
      initial: 'office',
      state: {},
      // @ts-expect-error `in` gives the child's own fields only
      steps: { office: { flow: address, in: () => ({ stret: '' }), next: 'done' }, done: { final: true } },
    })
  })

  test("a composed flow's state nests in its parent's; goTo takes the laid-out ids, not the flow: step's", () => {
    const team = composeWorkflow({
      id: 'team',
      initial: 'office',
      state: {},
      steps: {
        office: { flow: address, next: 'invites' },
        invites: { repeat: { flow: invite, max: 2 }, next: 'done' },
        done: { final: true },
      },
    })
    const org = composeWorkflow({ id: 'org', initial: 'team', state: {}, steps: { team: { flow: team, final: true } } })
    expectTypeOf<StateOf<typeof org>>().toEqualTypeOf<{ team?: { office?: Address; invites?: readonly Invite[] } }>()
    const workflow = createWorkflow(org)
    expectTypeOf(workflow.goTo).toBeCallableWith('team.office.street')
    expectTypeOf(workflow.goTo).toBeCallableWith('team.invites.1.email')
    // @ts-expect-error 'team.office' is the flow: step, which is not a step of the laid-out flow
    expectTypeOf(workflow.goTo).toBeCallableWith('team.office')
  })
})
