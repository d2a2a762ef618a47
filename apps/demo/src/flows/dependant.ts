import { defineWorkflow } from '@flowkit/core'
import { z } from 'zod'
import { pastDateSchema } from './dates'
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
    relationship: { title: 'Relationship', validate: dependantRelationshipSchema, final: true },
  },
})
