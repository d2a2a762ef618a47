import { createWorkflow, getPersistedSnapshot, isWorkflowError, replay, settled, type Workflow } from '@flowkit/core'
import { beforeEach, describe, expect, it } from 'vitest'
import { MAX_DEPENDANTS } from '../src/flows/dependant'
import { type EnrollmentState, enrollment } from '../src/flows/enrollment'
import { setFailNext, setServiceLatency } from '../src/services/faults'

const about = { fullName: 'Grace Hopper', email: 'grace@example.com', birthDate: '1990-12-09' }
const home = { line1: '1 Main Street', city: 'Dublin', postcode: 'D02 X285', country: 'IE' }
const job = { employer: 'Remington Rand', jobTitle: 'Engineer', employerPays: false }
const partner = { name: 'Vincent Hopper', birthDate: '1988-03-02', relationship: 'partner' }
const child = { name: 'Alan Hopper', birthDate: '2019-05-01', relationship: 'child' }
const other = { name: 'Mary Hopper', birthDate: '1950-01-20', relationship: 'other' }
type Dependant = typeof child
type Flow = Workflow<EnrollmentState, any>

/** The enrollment at the first dependant's first step on `plan` (the summary is passed over until there is one). */
const atDependants = async (plan: 'couple' | 'family') => {
  const flow: Flow = createWorkflow(enrollment)
  for (const input of [about, home, { status: 'employed' }, job, { plan, tier: 'plus' }]) await flow.next(input)
  expect(flow.getSnapshot()).toMatchObject({ step: 'dependants.0.name', skipped: ['home.name', 'dependants'] })
  return flow
}

/** Answers the current item's three steps, landing on the summary. */
const answer = async (flow: Flow, d: Dependant) => {
  await flow.next({ name: d.name })
  await flow.next({ birthDate: d.birthDate })
  const snapshot = await flow.next({ relationship: d.relationship })
  expect(snapshot).toMatchObject({ step: 'dependants', error: null, issues: {} })
  return snapshot
}

/** Adds `dependants` one item at a time from the summary, as the "Add another dependant" button does. */
const withDependants = async (plan: 'couple' | 'family', dependants: readonly Dependant[]) => {
  const flow = await atDependants(plan)
  for (const [i, d] of dependants.entries()) {
    if (i > 0) expect((await flow.next({ action: 'add' })).step).toBe(`dependants.${i}.name`)
    await answer(flow, d)
  }
  return flow
}

const names = (flow: Flow) => (flow.getSnapshot().state.dependants ?? []).map((d) => d.name)

beforeEach(() => {
  setServiceLatency(1)
  setFailNext('enrollment', false)
  setFailNext('address', false)
})

describe('dependants, one item at a time ("add another")', () => {
  it('adds items as an array in state, each asked with its own steps and validated per item', async () => {
    const flow = await atDependants('family')
    const bad = await flow.next({ name: ' ' })
    expect(bad).toMatchObject({ step: 'dependants.0.name', issues: { name: ['Enter the dependant’s full name'] } })
    await answer(flow, partner)
    await flow.next({ action: 'add' })
    await flow.next({ name: child.name })
    const future = await flow.next({ birthDate: '2999-01-01' })
    expect(future.issues).toEqual({ birthDate: ['Their date of birth must be in the past'] })
    await flow.next({ birthDate: child.birthDate })
    await flow.next({ relationship: 'child' })
    expect(flow.getSnapshot().state.dependants).toEqual([partner, child])
    expect((await flow.next({ action: 'continue' })).step).toBe('consents')
  })

  it('changes an item from the summary, prefilled, and keeps the others', async () => {
    const flow = await withDependants('family', [partner, child])
    const changing = await flow.next({ action: 'change', item: 1 })
    expect(changing.step).toBe('dependants.1.name')
    expect(changing.drafts['dependants.1.name']).toEqual({ name: child.name })
    await answer(flow, { ...child, name: 'Alan M. Hopper' })
    expect(names(flow)).toEqual([partner.name, 'Alan M. Hopper'])
  })

  it('removes an item and stays on the summary; removing the last asks for one again (min 1)', async () => {
    const flow = await withDependants('family', [partner, child, other])
    const removed = await flow.next({ action: 'remove', item: 0 })
    expect(removed.step).toBe('dependants')
    expect(names(flow)).toEqual([child.name, other.name])
    await flow.next({ action: 'remove', item: 1 })
    const last = await flow.next({ action: 'remove', item: 0 })
    expect(last.step).toBe('dependants.0.name')
    expect(last.state.dependants).toEqual([])
  })

  it(`takes at most ${MAX_DEPENDANTS} dependants: a 7th "add" is refused with REPEAT_LIMIT and nothing changes`, async () => {
    const six = Array.from({ length: MAX_DEPENDANTS }, (_, i) => ({ ...child, name: `Child ${i + 1}` }))
    const flow = await withDependants('family', six)
    const before = flow.getSnapshot()
    const refused = await flow.next({ action: 'add' })
    expect(refused).toMatchObject({ step: 'dependants', error: { code: 'REPEAT_LIMIT' } })
    expect(refused.state).toBe(before.state)
  })

  it('is path-scoped: back through an item drops it, and changing the plan to single drops them all', async () => {
    const flow = await withDependants('family', [child, other])
    flow.back()
    expect(flow.getSnapshot().step).toBe('dependants.1.relationship')
    flow.back()
    flow.back()
    expect(names(flow)).toEqual([child.name])
    flow.goTo('plan')
    const single = await flow.next({ plan: 'single', tier: 'plus' })
    expect(single).toMatchObject({ step: 'consents', skipped: ['home.name', 'dependants'] })
    expect(single.state.dependants).toBeNull()
  })

  it('changes one dependant from check answers and returns there with every other dependant kept', async () => {
    const flow = await withDependants('family', [partner, child, other])
    // Changed and removed since item 2's steps were first visited.
    await flow.next({ action: 'change', item: 0 })
    await answer(flow, { ...partner, name: 'Vincent H.' })
    await flow.next({ action: 'remove', item: 2 })
    await flow.next({ action: 'continue' })
    await flow.next({ terms: true, privacy: true })
    expect(flow.getSnapshot().step).toBe('review')
    // What the review page's Change link for dependant 2's date of birth does: to the summary, open the
    // item, then through its answers (`useRepeat().change(1, 'dependants.1.birthDate')`; a
    // `goTo('dependants.1.birthDate')` would go back to its first visit).
    flow.goTo('dependants')
    await flow.next({ action: 'change', item: 1 })
    const opened = await flow.run(flow.getSnapshot().drafts, { until: 'dependants.1.birthDate' })
    expect(opened.step).toBe('dependants.1.birthDate')
    await flow.next({ birthDate: '2020-02-02' })
    const back = await settled(flow, flow.goTo('review'))
    expect(back.step).toBe('review')
    expect(back.state.dependants).toEqual([
      { ...partner, name: 'Vincent H.' },
      { ...child, birthDate: '2020-02-02' },
    ])
  })
})

describe('dependants fit the plan', () => {
  const refusedAtSummary = async (plan: 'couple' | 'family', dependants: Dependant[]) => {
    const flow = await withDependants(plan, dependants)
    const refused = await flow.next({ action: 'continue' })
    expect(refused.step).toBe('dependants')
    expect(refused.error?.message).toContain('the dependants fit the plan')
  }

  it('refuses to go on with "Me and a partner" and only a child, or a partner and anyone else', async () => {
    await refusedAtSummary('couple', [child])
    await refusedAtSummary('couple', [partner, child])
  })

  it('refuses two partners, and a family plan without a child', async () => {
    await refusedAtSummary('family', [partner, { ...partner, name: 'Another Partner' }, child])
    await refusedAtSummary('family', [partner, other])
  })

  it('goes on with "Me and a partner" with the partner, and a family plan with children', async () => {
    expect((await (await withDependants('couple', [partner])).next({ action: 'continue' })).step).toBe('consents')
    expect((await (await withDependants('family', [child])).next({ action: 'continue' })).step).toBe('consents')
  })

  it('verifies on the server (replay with actions), and refuses a submission whose partner was changed to a child', async () => {
    const flow = await withDependants('couple', [partner])
    await flow.next({ action: 'continue' })
    await flow.next({ terms: true, privacy: true })
    const persisted = structuredClone(getPersistedSnapshot(flow))
    const verified = await replay(enrollment, persisted, { actions: true })
    expect(verified.snapshot.state.dependants).toEqual([partner])
    const frame = persisted.path.find((f) => f.step === 'dependants.0.relationship') as { input: unknown; patch: unknown }
    frame.input = { relationship: 'child' }
    frame.patch = { dependants: [{ ...partner, relationship: 'child' }] }
    const outcome = await Promise.resolve(replay(enrollment, persisted, { actions: true })).then(
      () => 'accepted',
      (error: unknown) => (isWorkflowError(error) ? error.code : String(error)),
    )
    // Refused with the engine's code: the item's patch no longer matches, the plan's guard on the way on fails, or the
    // relationship step's own rule refuses a "child" born too long ago (its input, refuse()).
    expect(outcome).toMatch(/^(STATE_MISMATCH|GUARD_FAILED|INVALID_INPUT)$/)
  })
})
