import { composeWorkflow, createWorkflow, defineWorkflow } from '@flowkit/core'
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

describe('the predicted path through a repeat', () => {
  const person = defineWorkflow({
    id: 'person',
    initial: 'kind',
    state: { adult: false },
    steps: {
      kind: { next: [{ to: 'job', when: ({ state }) => state.adult }, { to: 'school' }] },
      job: { next: 'done' },
      school: { next: 'done' },
      done: { final: true },
    },
  })
  const family = (repeat: { min: number; skip?: boolean }) =>
    composeWorkflow({
      id: 'family',
      initial: 'start',
      state: { kids: true },
      steps: {
        start: { next: 'people' },
        people: {
          repeat: { flow: person, min: repeat.min, max: 3 },
          ...(repeat.skip ? { skip: ({ state }: { state: { kids: boolean } }) => !state.kids } : {}),
          next: 'end',
        },
        end: { final: true },
      },
    })

  test("an item's branches: one way through each item still needed, as its guards answer now", async () => {
    const flow = createWorkflow(family({ min: 2 }))
    const upcoming = ['kind', 'school', 'done'].flatMap((step) => `people.0.${step}`)
    expect(flow.getSnapshot().upcoming).toEqual([...upcoming, ...upcoming.map((s) => s.replace('.0.', '.1.')), 'people', 'end'])
    expect(flow.getSnapshot().progress).toEqual({ position: 1, total: 9, exact: true })
    // The real path is as long: the total stays put while the user goes on.
    await flow.next()
    for (const _ of [0, 1]) for (const input of [{ adult: true }, {}, {}]) expect((await flow.next(input)).progress.total).toBe(9)
    expect(flow.getSnapshot().step).toBe('people')
  })

  test('a repeat passed over as a whole (its skip) is not on the path', async () => {
    for (const min of [0, 1]) {
      const flow = createWorkflow(family({ min, skip: true }))
      expect([flow.getSnapshot().upcoming, flow.getSnapshot().progress.total]).toEqual([
        ['people.0.kind', 'people.0.school', 'people.0.done', 'people', 'end'].slice(min ? 0 : 3),
        min ? 6 : 3,
      ])
      const skipped = await flow.next({ kids: false })
      expect([skipped.step, skipped.skipped, skipped.progress]).toEqual(['end', ['people'], { position: 2, total: 2, exact: true }])
      flow.back()
      expect(flow.getSnapshot().progress.total).toBe(min ? 6 : 3)
    }
  })

  test("a sub-flow's `in` that cannot be told yet makes the prediction inexact, not a crash", async () => {
    const pet = defineWorkflow({ id: 'pet', initial: 'name', state: { name: '' }, steps: { name: { final: true } } })
    const child = composeWorkflow({
      id: 'child',
      initial: 'x',
      state: { age: 0 },
      steps: { x: { next: 'pets' }, pets: { repeat: { flow: pet, max: 2 }, next: 'y' }, y: { final: true } },
    })
    const flow = createWorkflow(
      composeWorkflow({
        id: 'owner',
        initial: 'about',
        state: {} as { profile?: { age: number } },
        steps: {
          about: { next: 'sub' },
          sub: { flow: child, in: ({ state }) => ({ age: (state.profile as { age: number }).age }), next: 'end' },
          end: { final: true },
        },
      }),
    )
    expect([flow.getSnapshot().upcoming, flow.getSnapshot().progress.exact]).toEqual([['sub.x'], false])
    const on = await flow.next({ profile: { age: 40 } })
    expect([on.upcoming, on.progress]).toEqual([['sub.pets', 'sub.y', 'end'], { position: 2, total: 5, exact: true }])
  })
})
