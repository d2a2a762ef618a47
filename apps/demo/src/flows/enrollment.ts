import { composeWorkflow } from '@flowkit/core'
import { z } from 'zod'
import { type EnrollmentReceipt, submitEnrollment } from '../services/enrollment'
import { type AddressData, address } from './address'
import { ageOn, pastDateSchema } from './dates'
import { type DependantData, dependant, MAX_DEPENDANTS } from './dependant'
import { bounded, emailAddress, MAX_LENGTH, requiredText } from './limits'

export { ageOn } from './dates'
export { RELATIONSHIPS } from './dependant'

export const aboutSchema = z.object({
  fullName: requiredText('your full name', MAX_LENGTH.personName),
  email: emailAddress('Enter an email address in the correct format, like name@example.com'),
  birthDate: pastDateSchema('your date of birth').refine((s) => ageOn(s) >= 16, 'You must be 16 or older to enrol'),
})

export const ELIGIBILITY = {
  student: 'Student',
  employed: 'Employed',
  other: 'Something else',
} as const
export type Eligibility = keyof typeof ELIGIBILITY

export const eligibilitySchema = z.object({
  status: z.enum(Object.keys(ELIGIBILITY) as [Eligibility, ...Eligibility[]], 'Select what you do'),
})

export const studentSchema = z.object({
  institution: requiredText('the name of your school, college or university', MAX_LENGTH.institution),
  studentId: bounded(MAX_LENGTH.studentId, 'Enter your student ID, 5 to 12 letters or digits').regex(
    /^[A-Za-z0-9]{5,12}$/,
    'Enter your student ID, 5 to 12 letters or digits',
  ),
  graduationYear: z
    .union([z.number(), z.string()], 'Enter the year you expect to graduate')
    .transform(String)
    .pipe(
      z
        .string()
        .trim()
        .min(1, { error: 'Enter the year you expect to graduate', abort: true })
        .regex(/^\d{4}$/, { error: 'Enter a year, like 2028', abort: true })
        .transform(Number)
        .pipe(
          z
            .number()
            .min(new Date().getFullYear(), 'Your graduation year cannot be in the past')
            .max(new Date().getFullYear() + 8, 'Enter a graduation year within the next 8 years'),
        ),
    ),
})

export const employmentSchema = z.object({
  employer: requiredText('the name of your employer', MAX_LENGTH.employer),
  jobTitle: requiredText('your job title', MAX_LENGTH.jobTitle),
  employerPays: z.boolean().default(false),
})

export const SITUATIONS = {
  'self-employed': 'Self-employed',
  unemployed: 'Looking for work',
  retired: 'Retired',
  carer: 'Full-time carer',
} as const
export type Situation = keyof typeof SITUATIONS

export const circumstancesSchema = z.object({
  situation: z.enum(Object.keys(SITUATIONS) as [Situation, ...Situation[]], 'Select your situation'),
  details: bounded(MAX_LENGTH.details, `Keep the details to ${MAX_LENGTH.details} characters or fewer`)
    .optional()
    .transform((s) => s || undefined),
})

export const PLANS = {
  single: { label: 'Just me', detail: 'Cover for one adult', monthly: 4200 },
  couple: { label: 'Me and a partner', detail: 'Cover for two adults', monthly: 7900 },
  family: { label: 'Family', detail: 'You, a partner and children', monthly: 11500 },
} as const
export type Plan = keyof typeof PLANS

export const planSchema = z.object({
  plan: z.enum(Object.keys(PLANS) as [Plan, ...Plan[]], 'Select a plan'),
  tier: z.enum(['essential', 'plus'], 'Select a level of cover'),
})

/**
 * Why `dependants` do not fit `plan`, or undefined when they do: "Me and a partner" covers exactly one
 * partner and nobody else, a family plan at least one child, and no plan more than one partner.
 * @example
 * dependantsProblem('couple', [{ relationship: 'child' }]) // '“Me and a partner” covers your partner: …'
 */
export const dependantsProblem = (plan: Plan | undefined, dependants: readonly { readonly relationship: string }[]): string | undefined => {
  const partners = dependants.filter((d) => d.relationship === 'partner').length
  if (partners > 1) return 'You can add only one partner: change the relationship of the others'
  if (plan === 'couple' && partners === 0)
    return '“Me and a partner” covers your partner: add them with the relationship Partner, or choose another plan'
  if (plan === 'couple' && dependants.length > 1)
    return '“Me and a partner” covers two adults only: remove the other dependants, or choose the Family plan'
  if (plan === 'family' && !dependants.some((d) => d.relationship === 'child'))
    return 'A family plan covers children: add a child, or choose “Me and a partner”'
  return undefined
}

export const consentsSchema = z.object({
  terms: z.literal(true, 'You must accept the terms of cover to enrol'),
  privacy: z.literal(true, 'You must agree to how we use your data to enrol'),
  marketing: z.boolean().default(false),
})

export interface EnrollmentState {
  readonly applicant: z.output<typeof aboutSchema> | null
  /** The home address (the `address` sub-flow's data, named after the applicant). */
  readonly home: AddressData | null
  readonly eligibility: Eligibility | null
  readonly student: z.output<typeof studentSchema> | null
  readonly employment: z.output<typeof employmentSchema> | null
  readonly circumstances: z.output<typeof circumstancesSchema> | null
  readonly plan: z.output<typeof planSchema> | null
  /** One item per dependant (the `dependant` repeat's items), in the order they were added. */
  readonly dependants: readonly DependantData[] | null
  readonly consents: z.output<typeof consentsSchema> | null
  readonly receipt: EnrollmentReceipt | null
}

const initialState: EnrollmentState = {
  applicant: null,
  home: null,
  eligibility: null,
  student: null,
  employment: null,
  circumstances: null,
  plan: null,
  dependants: null,
  consents: null,
  receipt: null,
}

/**
 * The enrollment: about you → home address (the `address` sub-flow) → eligibility, which branches into
 * student, employment or circumstances → plan → dependants (a `repeat:` of the `dependant` questions,
 * "add another" style; skipped for a single plan) → consents → review, whose completion submits it.
 */
export const enrollment = composeWorkflow({
  id: 'enrollment',
  version: 2,
  initial: 'about',
  state: initialState,
  steps: {
    about: {
      title: 'About you',
      validate: aboutSchema,
      actions: [({ input }) => ({ applicant: input })],
      next: 'home',
    },
    home: {
      title: 'Home address',
      flow: address,
      in: ({ state }) => ({ fullName: state.applicant?.fullName ?? '' }),
      next: 'eligibility',
    },
    eligibility: {
      title: 'Eligibility',
      validate: eligibilitySchema,
      actions: [({ input }) => ({ eligibility: input.status })],
      next: [
        { to: 'student', when: ({ state }) => state.eligibility === 'student', label: 'a student' },
        { to: 'employment', when: ({ state }) => state.eligibility === 'employed', label: 'employed' },
        { to: 'circumstances', when: ({ state }) => state.eligibility === 'other', label: 'something else' },
      ],
    },
    student: {
      title: 'Your studies',
      validate: studentSchema,
      actions: [({ input }) => ({ student: input })],
      next: 'plan',
    },
    employment: {
      title: 'Your employment',
      validate: employmentSchema,
      actions: [({ input }) => ({ employment: input })],
      next: 'plan',
    },
    circumstances: {
      title: 'Your circumstances',
      validate: circumstancesSchema,
      actions: [({ input }) => ({ circumstances: input })],
      next: 'plan',
    },
    plan: {
      title: 'Plan',
      validate: planSchema,
      actions: [({ input }) => ({ plan: input })],
      next: 'dependants',
    },
    dependants: {
      title: 'Dependants',
      repeat: { flow: dependant, min: 1, max: MAX_DEPENDANTS },
      skip: ({ state }) => state.plan?.plan === 'single' && 'a single plan covers no dependants',
      // The plan's rule needs every dependant and the plan from an earlier step, so it guards the way on
      // from the summary: a replay with dependants that do not fit stops there (NO_CHOICE).
      next: [
        {
          to: 'consents',
          when: ({ state }) => dependantsProblem(state.plan?.plan, state.dependants ?? []) === undefined,
          label: 'the dependants fit the plan',
        },
      ],
    },
    consents: {
      title: 'Consents',
      validate: consentsSchema,
      actions: [({ input }) => ({ consents: input })],
      next: 'review',
    },
    review: {
      title: 'Check your answers',
      final: true,
      actions: [async ({ signal }) => ({ receipt: await submitEnrollment(signal) })],
    },
  },
})
