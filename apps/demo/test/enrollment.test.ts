import { createWorkflow } from '@flowkit/core'
import { beforeEach, describe, expect, it } from 'vitest'
import { ageOn, enrollment } from '../src/flows/enrollment'
import { setFailNext, setServiceLatency } from '../src/services/faults'

const about = { fullName: 'Grace Hopper', email: 'grace@example.com', birthDate: '1990-12-09' }
const studies = { institution: 'Trinity College Dublin', studentId: 'TCD12345', graduationYear: String(new Date().getFullYear() + 2) }
const job = { employer: 'Remington Rand', jobTitle: 'Engineer', employerPays: true }
const consents = { terms: true, privacy: true, marketing: false }
const home = { line1: '1 Main Street', city: 'dublin', postcode: 'd02 x285', country: 'IE' }
const child = { name: 'Alan Hopper', birthDate: '2019-05-01', relationship: 'child' }
/** The inputs of dependant `item`'s three steps. */
const dependantInputs = (item: number, d: typeof child) => ({
  [`dependants.${item}.name`]: { name: d.name },
  [`dependants.${item}.birthDate`]: { birthDate: d.birthDate },
  [`dependants.${item}.relationship`]: { relationship: d.relationship },
})

beforeEach(() => {
  setServiceLatency(1)
  setFailNext('enrollment', false)
})

describe('enrollment', () => {
  it('completes as a student on a single plan, skipping dependants', async () => {
    const flow = createWorkflow(enrollment)
    const done = await flow.run({
      about,
      'home.lines': home,
      eligibility: { status: 'student' },
      student: studies,
      plan: { plan: 'single', tier: 'essential' },
      consents,
    })
    expect(done.status).toBe('done')
    expect(done.history).toEqual(['about', 'home.lines', 'eligibility', 'student', 'plan', 'consents', 'review'])
    expect(done.skipped).toEqual(['home.name', 'dependants'])
    expect(done.state.home).toMatchObject({ fullName: 'Grace Hopper', city: 'Dublin', postcode: 'D02 X285', verified: true })
    expect(done.state.student?.graduationYear).toBe(new Date().getFullYear() + 2)
    expect(done.state.receipt?.reference).toMatch(/^ENR-/)
  })

  it('asks for dependants on a family plan', async () => {
    const flow = createWorkflow(enrollment)
    const done = await flow.run({
      about,
      'home.lines': home,
      eligibility: { status: 'other' },
      circumstances: { situation: 'retired' },
      plan: { plan: 'family', tier: 'plus' },
      ...dependantInputs(0, child),
      dependants: { action: 'continue' },
      consents,
    })
    expect(done.history).toEqual([
      'about',
      'home.lines',
      'eligibility',
      'circumstances',
      'plan',
      'dependants.0.name',
      'dependants.0.birthDate',
      'dependants.0.relationship',
      'dependants',
      'consents',
      'review',
    ])
    expect(done.state.dependants).toEqual([child])
  })

  it('drops the abandoned branch from the result when eligibility changes, while keeping its draft for prefill', async () => {
    const flow = createWorkflow(enrollment)
    await flow.run({
      about,
      'home.lines': home,
      eligibility: { status: 'student' },
      student: studies,
      plan: { plan: 'single', tier: 'plus' },
    })
    expect(flow.getSnapshot().state.student).not.toBeNull()

    flow.goTo('eligibility')
    expect((await flow.next({ status: 'employed' })).step).toBe('employment')
    const done = await flow.run({ employment: job, plan: { plan: 'single', tier: 'plus' }, consents })
    expect(done.status).toBe('done')
    expect(done.state.student).toBeNull()
    expect(done.state.eligibility).toBe('employed')
    expect(done.state.employment).toEqual(job)
    expect(done.drafts.student).toEqual(studies)
    expect(done.history).not.toContain('student')
  })

  it('drops the dependants when the plan changes to single', async () => {
    const flow = createWorkflow(enrollment)
    await flow.run({
      about,
      'home.lines': home,
      eligibility: { status: 'employed' },
      employment: job,
      plan: { plan: 'couple', tier: 'plus' },
      ...dependantInputs(0, { ...child, relationship: 'partner' }),
      dependants: { action: 'continue' },
    })
    expect(flow.getSnapshot().step).toBe('consents')
    flow.goTo('plan')
    const snapshot = await flow.next({ plan: 'single', tier: 'plus' })
    expect(snapshot.step).toBe('consents')
    expect(snapshot.state.dependants).toBeNull()
    expect(snapshot.progress).toEqual({ position: 6, total: 7, exact: true })
  })

  it('counts progress only on the path the answers lead to', async () => {
    const flow = createWorkflow(enrollment)
    expect(flow.getSnapshot().progress).toMatchObject({ position: 1, exact: false })
    await flow.next(about)
    await flow.next(home)
    const branched = await flow.next({ status: 'student' })
    // Until the plan is chosen, the path ahead counts one dependant's three steps and the summary.
    expect(branched.progress).toEqual({ position: 4, total: 11, exact: true })
    const planned = await flow.run({ student: studies, plan: { plan: 'single', tier: 'essential' } })
    expect(planned.progress).toEqual({ position: 6, total: 7, exact: true })
  })

  it('explains each invalid answer by field and keeps what was typed', async () => {
    const flow = createWorkflow(enrollment)
    const young = new Date()
    young.setFullYear(young.getFullYear() - 10)
    const bad = await flow.next({ fullName: '', email: 'grace@', birthDate: young.toISOString().slice(0, 10) })
    expect(bad.issues).toEqual({
      fullName: ['Enter your full name'],
      email: ['Enter an email address in the correct format, like name@example.com'],
      birthDate: ['You must be 16 or older to enrol'],
    })
    expect(bad.drafts.about).toMatchObject({ email: 'grace@' })
    await flow.run({
      about,
      'home.lines': home,
      eligibility: { status: 'student' },
      student: studies,
      plan: { plan: 'single', tier: 'plus' },
    })
    const refused = await flow.next({ terms: false, privacy: true })
    expect(refused.issues).toEqual({ terms: ['You must accept the terms of cover to enrol'] })
  })

  it('shows a failed submission as an error and submits on retry', async () => {
    const flow = createWorkflow(enrollment)
    for (const input of [about, home, { status: 'employed' }, job, { plan: 'single', tier: 'plus' }, consents]) await flow.next(input)
    expect(flow.getSnapshot().step).toBe('review')
    setFailNext('enrollment', true)
    const failed = await flow.next()
    expect(failed).toMatchObject({ step: 'review', status: 'idle', error: { code: 'ACTION_FAILED' } })
    expect((await flow.next()).status).toBe('done')
  })

  it('computes ages on birthdays correctly', () => {
    expect(ageOn('2000-06-15', new Date(2016, 5, 14))).toBe(15)
    expect(ageOn('2000-06-15', new Date(2016, 5, 15))).toBe(16)
  })
})
