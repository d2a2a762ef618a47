import { type ActionContext, defineWorkflow, refuse } from '@flowkit/core'
import { z } from 'zod'
import { ageOn, pastDateSchema } from './dates'
import { MAX_LENGTH, requiredText } from './limits'

export const RELATIONSHIPS = { partner: 'Partner', child: 'Child', other: 'Other dependant' } as const
export type Relationship = keyof typeof RELATIONSHIPS

/** The most dependants one enrollment covers. */
export const MAX_DEPENDANTS = 6

export const dependantNameSchema = z.object({ name: requiredText('the dependant’s full name', MAX_LENGTH.personName) })
export const dependantBirthDateSchema = z.object({ birthDate: pastDateSchema('their date of birth') })
export const dependantRelationshipSchema = z.object({
  relationship: z.enum(Object.keys(RELATIONSHIPS) as [Relationship, ...Relationship[]], 'Select a relationship'),
})

/** A child is covered as a dependant until their 26th birthday (the usual health-plan limit). */
export const CHILD_AGE_LIMIT = 26

/**
 * Why this relationship does not fit the dependant's date of birth (`YYYY-MM-DD`), in words that say
 * how to fix it, or undefined when it fits: a child dependant must be under 26 on `today`.
 * @example
 * relationshipProblem('child', '1990-05-05', new Date(2026, 11, 2)) // 'A child dependant must be under 26: …'
 */
export const relationshipProblem = (relationship: string, birthDate: string, today: Date = new Date()): string | undefined =>
  relationship === 'child' && /^\d{4}-\d{2}-\d{2}$/.test(birthDate) && ageOn(birthDate, today) >= CHILD_AGE_LIMIT
    ? `A child dependant must be under ${CHILD_AGE_LIMIT}: check the date of birth, or choose another relationship`
    : undefined

/** One dependant as the repeat builds it (blank until its steps are answered). */
export interface DependantData {
  readonly name: string
  readonly birthDate: string
  readonly relationship: Relationship | ''
}

/**
 * The questions asked once per dependant (the enrollment's `repeat:`): name, date of birth, relationship,
 * one per page (GOV.UK's "one thing per page").
 */
export const dependant = defineWorkflow({
  id: 'dependant',
  version: 1,
  initial: 'name',
  state: { name: '', birthDate: '', relationship: '' } as DependantData,
  steps: {
    name: { title: 'Name', validate: dependantNameSchema, next: 'birthDate' },
    birthDate: { title: 'Date of birth', validate: dependantBirthDateSchema, next: 'relationship' },
    relationship: {
      title: 'Relationship',
      validate: dependantRelationshipSchema,
      // The rule spans this answer and the date of birth (in the state), which a schema of this step's input
      // cannot see: the action refuses the answer with a field issue (core's refuse), as a schema would, and a
      // replay on the server refuses it the same way.
      actions: [
        ({ input, state }: ActionContext<DependantData, string, z.output<typeof dependantRelationshipSchema>>) => {
          const problem = relationshipProblem(input.relationship, state.birthDate)
          if (problem) throw refuse({ relationship: problem })
          return { relationship: input.relationship }
        },
      ],
      final: true,
    },
  },
})
