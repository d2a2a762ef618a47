import {
  checkDefinition,
  composeWorkflow,
  createWorkflow,
  defineWorkflow,
  getPersistedSnapshot,
  isWorkflowError,
  replay,
  resumeWorkflow,
} from '@flowkit/core'
import { describe, expect, test } from 'vitest'
import { z } from 'zod'

const dependant = defineWorkflow({
  id: 'dependant',
  initial: 'name',
  state: { name: '', age: 0 },
  steps: {
    name: { title: 'Name', validate: z.object({ name: z.string().min(1) }), next: 'age' },
    age: { title: 'Age', validate: z.object({ age: z.number().int().min(0) }), final: true },
  },
})

const family = (min = 0, max = 3, item = dependant) =>
  composeWorkflow({
    id: 'family',
    initial: 'about',
    state: {} as { dependants?: { name: string; age: number }[] },
    steps: {
      about: { next: 'dependants' },
      dependants: { title: 'Dependants', repeat: { flow: item, min, max }, next: 'review' },
      review: { final: true },
    },
  })

const names = (flow: { getSnapshot(): { state: { dependants?: { name: string }[] } } }) =>
  (flow.getSnapshot().state.dependants ?? []).map((d) => d.name)

/** The family flow at its check-answers page: about, then Byron (7) and Cy (5), then continue. */
const atReview = async (flow = createWorkflow(family())) => {
  await flow.next({ me: 'Ada' })
  for (const [name, age] of [
    ['Byron', 7],
    ['Cy', 5],
  ] as const) {
    await flow.next({ action: 'add' })
    await flow.next({ name })
    await flow.next({ age })
  }
  await flow.next({ action: 'continue' })
  expect(flow.getSnapshot().step).toBe('review')
  return flow
}
const items = [
  { name: 'Byron', age: 7 },
  { name: 'Cy', age: 5 },
]

describe('repeated steps', () => {
  test('add items one group of steps at a time, then change and remove from the summary', async () => {
    const flow = createWorkflow(family())
    await flow.next()
    expect(flow.getSnapshot().step).toBe('dependants')
    await flow.next({ action: 'add' })
    expect(flow.getSnapshot().step).toBe('dependants.0.name')
    await flow.next({ name: 'Ada' })
    await flow.next({ age: 7 })
    expect(flow.getSnapshot().step).toBe('dependants')
    await flow.next({ action: 'add' })
    await flow.next({ name: 'Bob' })
    await flow.next({ age: 5 })
    expect(flow.getSnapshot().state.dependants).toEqual([
      { name: 'Ada', age: 7 },
      { name: 'Bob', age: 5 },
    ])
    await flow.next({ action: 'change', item: 0 })
    expect(flow.getSnapshot().step).toBe('dependants.0.name')
    expect(flow.getSnapshot().drafts['dependants.0.name']).toEqual({ name: 'Ada' })
    await flow.next({ name: 'Ada L.' })
    await flow.next({ age: 8 })
    expect(names(flow)).toEqual(['Ada L.', 'Bob'])
    await flow.next({ action: 'remove', item: 0 })
    expect(flow.getSnapshot().step).toBe('dependants')
    expect(names(flow)).toEqual(['Bob'])
    // The drafts move down with the items: changing item 0 now shows Bob's answers.
    expect(flow.getSnapshot().drafts['dependants.0.name']).toEqual({ name: 'Bob' })
    expect(flow.getSnapshot().drafts['dependants.1.name']).toBeUndefined()
    expect(flow.getSnapshot().drafts.dependants).toBeUndefined()
    await flow.next({ action: 'continue' })
    expect(flow.getSnapshot().step).toBe('review')
    const replayed = await replay(family(), getPersistedSnapshot(flow), { actions: true })
    expect(replayed.snapshot.state).toEqual(flow.getSnapshot().state)
  })

  test('per-item validation; back undoes an item step by step (path-scoped)', async () => {
    const flow = createWorkflow(family())
    await flow.next()
    await flow.next({ action: 'add' })
    await flow.next({ name: '' })
    expect(flow.getSnapshot().issues).toHaveProperty('name')
    await flow.next({ name: 'Ada' })
    await flow.next({ age: 7 })
    flow.back()
    expect(flow.getSnapshot().step).toBe('dependants.0.age')
    expect(names(flow)).toEqual(['Ada'])
    flow.back()
    expect(flow.getSnapshot().state.dependants).toBeUndefined()
  })

  test('min: the summary is passed over until there are enough items; max: no more can be added', async () => {
    const flow = createWorkflow(family(1, 1))
    await flow.next()
    expect(flow.getSnapshot().step).toBe('dependants.0.name')
    expect(flow.getSnapshot().skipped).toEqual(['dependants'])
    await flow.next({ name: 'Ada' })
    await flow.next({ age: 7 })
    expect(flow.getSnapshot().step).toBe('dependants')
    const before = flow.getSnapshot()
    await flow.next({ action: 'add' })
    expect(flow.getSnapshot().error?.code).toBe('REPEAT_LIMIT')
    expect(flow.getSnapshot().error?.message).toMatch(/the most it takes/)
    expect(flow.getSnapshot().state).toBe(before.state)
    await flow.next({ action: 'remove', item: 0 })
    expect(flow.getSnapshot().step).toBe('dependants.0.name')
  })

  test('the path ahead counts the item in progress once, before and after its data is in the state', async () => {
    const flow = createWorkflow(family(2, 3))
    await flow.next()
    // At the first item's first step: no item data yet, but this item is on the path.
    expect(flow.getSnapshot().upcoming).toEqual(['dependants.0.age', 'dependants.1.name', 'dependants.1.age', 'dependants', 'review'])
    expect(flow.getSnapshot().progress).toEqual({ position: 2, total: 7, exact: true })
    await flow.next({ name: 'Ada' })
    expect(flow.getSnapshot().upcoming).toEqual(['dependants.1.name', 'dependants.1.age', 'dependants', 'review'])
    expect(flow.getSnapshot().progress).toEqual({ position: 3, total: 7, exact: true })
    await flow.next({ age: 7 })
    await flow.next({ name: 'Alan' })
    expect(flow.getSnapshot().upcoming).toEqual(['dependants', 'review'])
    expect(flow.getSnapshot().progress).toEqual({ position: 5, total: 7, exact: true })
  })

  test('hostile summary input gets issues or REPEAT_LIMIT, and the state stays', async () => {
    const flow = createWorkflow(family())
    await flow.next()
    await flow.next({ action: 'explode' })
    expect(flow.getSnapshot().issues.action?.[0]).toMatch(/unknown action/)
    await flow.next({ action: 'remove', item: 4 })
    expect(flow.getSnapshot().error?.code).toBe('REPEAT_LIMIT')
    await flow.next({ action: 'change', item: 'x' })
    expect(flow.getSnapshot().issues.item?.[0]).toMatch(/integer/)
    expect(flow.getSnapshot().step).toBe('dependants')
  })

  test('going forward over a repeat adds its items back from the drafts: kept as answered, after a reload too', async () => {
    // A stepper jump: back to the first step, then forward to the summary, which shows every item, not its first visit's none.
    const jumped = await atReview()
    jumped.goTo('about')
    const summary = jumped.goTo('dependants')
    expect([summary.step, summary.state.dependants, summary.history.length]).toEqual(['dependants', items, 8])
    expect(jumped.goTo('review').state.dependants).toEqual(items)
    // Check answers: a step before the repeat changed, then forward to the review, which keeps the items.
    const changed = await atReview()
    changed.goTo('about')
    await changed.next({ me: 'Ada Lovelace' })
    const back = changed.goTo('review')
    expect([back.step, back.state]).toEqual(['review', { me: 'Ada Lovelace', dependants: items }])
    // run(drafts, { until }) (the browser's forward button) passes the summary's visits the same way, even to it.
    const ran = await atReview()
    ran.goTo('about')
    const forwardToSummary = await ran.run(ran.getSnapshot().drafts, { until: 'dependants' })
    expect([forwardToSummary.step, forwardToSummary.state.dependants]).toEqual(['dependants', items])
    expect((await ran.run(ran.getSnapshot().drafts, { until: 'review' })).state.dependants).toEqual(items)
    // After a reload (resumed from storage, so with no memory of the path left), the same: the drafts hold the items.
    const reloaded = await atReview()
    reloaded.goTo('about')
    const resumed = resumeWorkflow(family(), JSON.parse(JSON.stringify(getPersistedSnapshot(reloaded))))
    expect(resumed.goTo('review').state.dependants).toEqual(items)
  })

  test('going forward adds back the items the user went on with: not an abandoned one, not past a refused add', async () => {
    // An item started (its name typed), then Back to the summary and Continue: it was never one of the items.
    const abandoned = await atReview()
    abandoned.goTo('dependants')
    await abandoned.next({ action: 'add' })
    abandoned.setDraft('dependants.2.name', { name: 'Di' })
    abandoned.back()
    await abandoned.next({ action: 'continue' })
    expect(abandoned.getSnapshot().drafts.dependants).toEqual({ items: 2 })
    abandoned.goTo('about')
    expect([abandoned.goTo('review').step, abandoned.getSnapshot().state.dependants]).toEqual(['review', items])
    // At max, an add is refused (REPEAT_LIMIT): the summary's record is not replaced by the refused command.
    const full = await atReview(createWorkflow(family(0, 2)))
    full.goTo('dependants')
    expect((await full.next({ action: 'add' })).error?.code).toBe('REPEAT_LIMIT')
    await full.next({ action: 'continue' })
    full.goTo('about')
    const ran = await full.run(full.getSnapshot().drafts, { until: 'review' })
    expect([ran.step, ran.error, ran.state.dependants]).toEqual(['review', null, items])
    // `until` a step answered before stops there: only a summary's record walks on past `until`.
    const stops = await atReview()
    stops.goTo('about')
    const atItem = await stops.run(stops.getSnapshot().drafts, { until: 'dependants.1.age' })
    expect([atItem.step, atItem.state.dependants]).toEqual(['dependants.1.age', [items[0], { name: 'Cy', age: 0 }]])
    // run(inputs) that give the summary nothing goes on past it, as before: its items were not asked for.
    const explicit = await atReview()
    explicit.goTo('about')
    expect((await explicit.run({ about: { me: 'Ada' } }, { until: 'review' })).state.dependants).toBeUndefined()
  })

  test('Back right after a remove takes it back with every answer; a jump back keeps the latest answers', async () => {
    const drafted = (flow: { getSnapshot(): { drafts: Record<string, unknown> } }) =>
      [0, 1].map((i) => flow.getSnapshot().drafts[`dependants.${i}.name`])
    // Back: the remove is undone, and so is the drafts' shift (Change on Byron shows Byron, not Cy).
    const undone = await atReview()
    undone.goTo('dependants')
    await undone.next({ action: 'remove', item: 0 })
    expect([names(undone), drafted(undone)]).toEqual([['Cy'], [{ name: 'Cy' }, undefined]])
    undone.back()
    expect([undone.getSnapshot().step, names(undone), drafted(undone)]).toEqual([
      'dependants',
      ['Byron', 'Cy'],
      [{ name: 'Byron' }, { name: 'Cy' }],
    ])
    await undone.next({ action: 'change', item: 0 })
    expect(undone.getSnapshot().drafts['dependants.0.age']).toEqual({ age: 7 })
    // Back over the remove and further: a forward walk then gives the items the user saw going back.
    const walkedBack = await atReview()
    walkedBack.goTo('dependants')
    await walkedBack.next({ action: 'remove', item: 0 })
    await walkedBack.next({ action: 'continue' })
    for (const _ of [1, 2, 3]) walkedBack.back()
    expect([walkedBack.getSnapshot().step, names(walkedBack)]).toEqual(['dependants.1.age', ['Byron', 'Cy']])
    walkedBack.goTo('about')
    expect([walkedBack.goTo('review').step, walkedBack.getSnapshot().state.dependants]).toEqual(['review', items])
    // A jump back (check answers: change an early step) keeps the remove, with or without going on after it.
    for (const goOn of [true, false]) {
      const changed = await atReview()
      changed.goTo('dependants')
      await changed.next({ action: 'remove', item: 0 })
      if (goOn) await changed.next({ action: 'continue' })
      changed.goTo('about')
      await changed.next({ me: 'Ada Lovelace' })
      expect([changed.goTo('review').step, changed.getSnapshot().state.dependants]).toEqual(['review', [items[1]]])
    }
    // The browser's Back within the repeat (goTo an item's page before the remove) takes it back as Back does.
    const within = await atReview()
    within.goTo('dependants')
    await within.next({ action: 'remove', item: 0 })
    const page = within.goTo('dependants.1.age')
    expect([page.state.dependants, drafted(within), page.drafts['dependants.1.age']]).toEqual([
      [items[0], { name: 'Cy', age: 0 }],
      [{ name: 'Byron' }, { name: 'Cy' }],
      { age: 5 },
    ])
    // After a reload the path is replayed, and Back still takes the remove back.
    const reloaded = await atReview()
    reloaded.goTo('dependants')
    await reloaded.next({ action: 'remove', item: 0 })
    const resumed = resumeWorkflow(family(), JSON.parse(JSON.stringify(getPersistedSnapshot(reloaded))))
    resumed.back()
    expect([names(resumed), drafted(resumed)]).toEqual([
      ['Byron', 'Cy'],
      [{ name: 'Byron' }, { name: 'Cy' }],
    ])
  })

  test('an item started and taken back with Back stays out, before the user ever went on past the summary too', async () => {
    for (const refused of [false, true]) {
      const flow = createWorkflow(family())
      await flow.next({ me: 'Ada' })
      for (const input of [{ action: 'add' }, { name: 'Byron' }, { age: 7 }, { action: 'add' }]) await flow.next(input)
      // Its name typed, or refused (a refused input is kept as the draft too), then Back to the summary.
      if (refused) expect((await flow.next({ name: '' })).issues).toHaveProperty('name')
      else flow.setDraft('dependants.1.name', { name: 'Di' })
      flow.back()
      flow.goTo('about')
      const summary = flow.goTo('dependants')
      expect([summary.step, summary.state.dependants]).toEqual(['dependants', [items[0]]])
    }
  })

  test("the browser's Forward to a new item's page, after Back from it to the summary, adds the item again", async () => {
    const flow = await atReview()
    flow.goTo('dependants')
    await flow.next({ action: 'add' })
    flow.setDraft('dependants.2.name', { name: 'Di' })
    flow.goTo('dependants')
    const ran = await flow.run(flow.getSnapshot().drafts, { until: 'dependants.2.name', maxSteps: 1 })
    expect([ran.step, ran.drafts['dependants.2.name'], names(flow)]).toEqual(['dependants.2.name', { name: 'Di' }, ['Byron', 'Cy']])
    flow.goTo('dependants')
    expect(flow.goTo('dependants.2.name', { forward: true }).step).toBe('dependants.2.name')
  })

  test('an unchanged round trip over a repeat puts its items back without running their actions again', async () => {
    let looks = 0
    const looked = defineWorkflow({
      id: 'dependant',
      initial: 'name',
      state: { name: '', age: 0 },
      steps: {
        name: {
          validate: z.object({ name: z.string().min(1) }),
          actions: [
            ({ input }) => {
              looks++ // a lookup a provider charges for, say
              return input
            },
          ],
          next: 'age',
        },
        age: { validate: z.object({ age: z.number() }), final: true },
      },
    })
    const flow = await atReview(createWorkflow(family(0, 3, looked)))
    expect(looks).toBe(2)
    flow.goTo('about')
    expect([flow.goTo('review').step, flow.getSnapshot().state.dependants, looks]).toEqual(['review', items, 2])
    // A step after the repeat (a card charged) is put back too: the summary's last visit goes on as it did before.
    let charges = 0
    const paid = createWorkflow(
      composeWorkflow({
        id: 'paid',
        initial: 'about',
        state: {} as { dependants?: { name: string; age: number }[] },
        steps: {
          about: { next: 'dependants' },
          dependants: { repeat: { flow: dependant, max: 3 }, next: 'card' },
          card: { actions: [() => void charges++], next: 'review' },
          review: { final: true },
        },
      }),
    )
    await paid.run({ about: {} }, { until: 'dependants' })
    await paid.next({ action: 'add' })
    await paid.next({ name: 'Byron' })
    await paid.next({ age: 7 })
    await paid.next({ action: 'continue' })
    await paid.next()
    expect([paid.getSnapshot().step, charges]).toEqual(['review', 1])
    paid.goTo('about')
    expect([paid.goTo('review').step, paid.getSnapshot().state.dependants, charges]).toEqual(['review', [items[0]], 1])
  })

  test('going forward adds back an item whose first page has no answer to keep (an intro page)', async () => {
    const withIntro = defineWorkflow({
      id: 'dependant',
      initial: 'intro',
      state: { name: '' },
      steps: { intro: { next: 'name' }, name: { validate: z.object({ name: z.string().min(1) }), final: true } },
    })
    const flow = createWorkflow(
      composeWorkflow({
        id: 'family',
        initial: 'about',
        state: {} as { dependants?: { name: string }[] },
        steps: {
          about: { next: 'dependants' },
          dependants: { repeat: { flow: withIntro, max: 3 }, next: 'review' },
          review: { final: true },
        },
      }),
    )
    await flow.next()
    await flow.next({ action: 'add' })
    await flow.next()
    await flow.next({ name: 'Byron' })
    await flow.next({ action: 'continue' })
    flow.goTo('about')
    expect([flow.goTo('review').step, flow.getSnapshot().state.dependants]).toEqual(['review', [{ name: 'Byron' }]])
  })

  test('checks: repeat bounds', () => {
    const bad = (repeat: object) =>
      checkDefinition({
        id: 'f',
        initial: 'r',
        state: {},
        steps: { r: { repeat: { flow: dependant, ...repeat }, next: 'end' }, end: { final: true } },
      })
    expect(bad({ max: 0 })[0]?.code).toBe('INVALID_REPEAT')
    expect(bad({ max: 3, min: 4 })[0]?.message).toMatch(/repeat.min/)
    expect(bad({})[0]?.message).toMatch(/repeat.max/)
    expect(bad({ max: 3 })).toEqual([])
    try {
      composeWorkflow({
        id: 'f',
        initial: 'r',
        state: {},
        steps: { r: { repeat: { flow: dependant, max: 2000 }, next: 'end' }, end: { final: true } },
      })
      expect.unreachable()
    } catch (error) {
      expect(isWorkflowError(error) && error.code).toBe('INVALID_REPEAT')
    }
  })
})
