import { createWorkflow, getPersistedSnapshot, isWorkflowError, replay } from '@flowkit/core'
import { beforeEach, describe, expect, it } from 'vitest'
import { checkout } from '../src/flows/checkout'
import { enrollment } from '../src/flows/enrollment'
import { MAX_LENGTH } from '../src/flows/limits'
import { setFailNext, setServiceLatency } from '../src/services/faults'

const name = { fullName: 'Ada Lovelace' }
const address = { line1: '1 Main Street', line2: '', city: 'Dublin', postcode: 'D02 X285', country: 'IE' }
const home = { line1: '1 Main Street', city: 'Dublin', postcode: 'D02 X285', country: 'IE' }
const card = { name: 'Ada Lovelace', number: '4242 4242 4242 4242', expiry: '08/29', cvc: '123' }
const company = { name: 'Analytical Engines Ltd', vatNumber: 'IE6388047V', billingEmail: 'accounts@example.com', purchaseOrder: '' }
const about = { fullName: 'Grace Hopper', email: 'grace@example.com', birthDate: '1990-12-09' }
const studies = { institution: 'Trinity College Dublin', studentId: 'TCD12345', graduationYear: String(new Date().getFullYear() + 2) }
const job = { employer: 'Remington Rand', jobTitle: 'Engineer', employerPays: false }
const child = { name: 'Alan Hopper', birthDate: '2019-05-01', relationship: 'child' }

/** A valid value of exactly `max` characters for fields that have a format. */
const longest: Record<string, (max: number) => string> = {
  postcode: (max) => `D02 ${'X'.repeat(max - 4)}`,
  'card.number': () => '4242 4242 4242 4242 424',
  'card.expiry': () => '08 / 29',
  'card.cvc': () => '1234',
  graduationYear: () => String(new Date().getFullYear() + 2),
  vatNumber: (max) => `IE${'7'.repeat(max - 2)}`,
  billingEmail: (max) => `${'a'.repeat(max - '@example.com'.length)}@example.com`,
  email: (max) => `${'g'.repeat(max - '@example.com'.length)}@example.com`,
  studentId: (max) => 'T'.repeat(max),
  birthDate: () => '1990-12-09',
}

type Case = {
  readonly flow: typeof checkout | typeof enrollment
  /** The inputs that reach the step, then the step's valid input. */
  readonly before: readonly unknown[]
  readonly input: Record<string, any>
  readonly field: string
  readonly max: number
}

const cart = { quantities: { hoodie: 1 }, promo: '' }
const shipped = [cart, name, address, { same: 'yes' }]
const invoiceWay = [...shipped, { method: 'express' }, { method: 'invoice' }]
const cases: Case[] = [
  { flow: checkout, before: [], input: cart, field: 'promo', max: MAX_LENGTH.promo },
  { flow: checkout, before: [cart], input: name, field: 'fullName', max: MAX_LENGTH.personName },
  ...(['line1', 'line2', 'city', 'postcode'] as const).map((field) => ({
    flow: checkout,
    before: [cart, name],
    input: address,
    field,
    max: {
      line1: MAX_LENGTH.addressLine,
      line2: MAX_LENGTH.addressLine,
      city: MAX_LENGTH.city,
      postcode: MAX_LENGTH.postcode,
    }[field],
  })),
  ...(['name', 'number', 'expiry', 'cvc'] as const).map((key) => ({
    flow: checkout,
    before: [...shipped, { method: 'express' }],
    input: { method: 'card', card },
    field: `card.${key}`,
    max: { name: MAX_LENGTH.personName, number: MAX_LENGTH.cardNumber, expiry: MAX_LENGTH.expiry, cvc: MAX_LENGTH.cvc }[key],
  })),
  ...(['name', 'vatNumber', 'billingEmail', 'purchaseOrder'] as const).map((field) => ({
    flow: checkout,
    before: invoiceWay,
    input: company,
    field,
    max: {
      name: MAX_LENGTH.companyName,
      vatNumber: MAX_LENGTH.vatNumber,
      billingEmail: MAX_LENGTH.email,
      purchaseOrder: MAX_LENGTH.purchaseOrder,
    }[field],
  })),
  ...(['fullName', 'email', 'birthDate'] as const).map((field) => ({
    flow: enrollment,
    before: [],
    input: about,
    field,
    max: { fullName: MAX_LENGTH.personName, email: MAX_LENGTH.email, birthDate: MAX_LENGTH.date }[field],
  })),
  ...(['institution', 'studentId', 'graduationYear'] as const).map((field) => ({
    flow: enrollment,
    before: [about, home, { status: 'student' }],
    input: studies,
    field,
    max: { institution: MAX_LENGTH.institution, studentId: MAX_LENGTH.studentId, graduationYear: MAX_LENGTH.year }[field],
  })),
  ...(['employer', 'jobTitle'] as const).map((field) => ({
    flow: enrollment,
    before: [about, home, { status: 'employed' }],
    input: job,
    field,
    max: { employer: MAX_LENGTH.employer, jobTitle: MAX_LENGTH.jobTitle }[field],
  })),
  {
    flow: enrollment,
    before: [about, home, { status: 'other' }],
    input: { situation: 'retired', details: '' },
    field: 'details',
    max: MAX_LENGTH.details,
  },
  ...(['name', 'birthDate'] as const).map((key) => ({
    flow: enrollment,
    before: [about, home, { status: 'employed' }, job, { plan: 'family', tier: 'plus' }, ...(key === 'name' ? [] : [{ name: child.name }])],
    input: key === 'name' ? { name: child.name } : { birthDate: child.birthDate },
    field: key,
    max: { name: MAX_LENGTH.personName, birthDate: MAX_LENGTH.date }[key],
  })),
]

/** `input` with the field at `path` (dotted, through objects and arrays) set to `value`. */
const withField = (input: Record<string, any>, path: string, value: string): Record<string, any> => {
  const [head, ...rest] = path.split('.') as [string, ...string[]]
  const copy: Record<string, any> = Array.isArray(input) ? [...input] : { ...input }
  copy[head] = rest.length === 0 ? value : withField(input[head], rest.join('.'), value)
  return copy
}

/** The flow on the case's step, and what submitting `input` there gives. */
const submitAt = async ({ flow, before }: Case, input: unknown) => {
  const run = createWorkflow(flow as typeof checkout)
  for (const earlier of before) await run.next(earlier)
  const at = run.getSnapshot()
  expect(at.issues).toEqual({})
  const after = await run.next(input)
  return { at, after }
}

beforeEach(() => {
  setServiceLatency(1)
  for (const service of ['promo', 'address', 'payment', 'enrollment'] as const) setFailNext(service, false)
})

describe('every text field has a maximum length', () => {
  it.each(cases.map((c) => [`${c.flow.id} ${c.field}`, c] as const))(
    '%s: refuses one character more than its maximum, keeping the state, and takes the maximum',
    async (_, c) => {
      const { at, after } = await submitAt(c, withField(c.input, c.field, 'W'.repeat(c.max + 1)))
      expect(after.step).toBe(at.step)
      expect(after.state).toEqual(at.state)
      expect(after.issues[c.field]).toHaveLength(1)
      const tooLong = after.issues[c.field]?.[0]
      const value = (longest[c.field] ?? ((max: number) => 'W'.repeat(max)))(c.max)
      expect(value).toHaveLength(c.max)
      const { after: atMax } = await submitAt(c, withField(c.input, c.field, value))
      // A promo code of 20 letters passes the length check and is then refused by the promo service.
      expect(atMax.issues[c.field] ?? []).not.toContain(tooLong)
    },
  )

  it('refuses a 5,000-character name with a message that says the limit', async () => {
    const flow = createWorkflow(enrollment)
    const snapshot = await flow.next({ ...about, fullName: 'W'.repeat(5000) })
    expect(snapshot.step).toBe('about')
    expect(snapshot.issues).toEqual({ fullName: ['Keep your full name to 100 characters or fewer'] })
  })

  it('makes the server refuse a submission whose recorded name was lengthened after the browser checked it', async () => {
    const flow = createWorkflow(enrollment)
    await flow.next(about)
    const persisted = structuredClone(getPersistedSnapshot(flow))
    ;(persisted.path[0] as { input: { fullName: string } }).input.fullName = 'W'.repeat(5000)
    const outcome = await Promise.resolve(replay(enrollment, persisted, { actions: true })).then(
      () => 'accepted',
      (error: unknown) => (isWorkflowError(error) ? error.code : String(error)),
    )
    expect(outcome).toBe('INVALID_INPUT')
  })
})
