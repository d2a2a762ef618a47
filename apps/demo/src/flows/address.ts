import { defineWorkflow } from '@flowkit/core'
import { z } from 'zod'
import type { Address } from '../services/address'
import { verifyAddress } from '../services/address'
import { bounded, MAX_LENGTH, requiredText } from './limits'

/** The countries the demo's carrier delivers to, by ISO code. */
export const COUNTRIES = { IE: 'Ireland', GB: 'United Kingdom', DE: 'Germany', FR: 'France', NL: 'Netherlands' } as const
export type Country = keyof typeof COUNTRIES

/** Who the address is for. */
export const addressNameSchema = z.object({ fullName: requiredText('the full name', MAX_LENGTH.personName) })

/** The address lines, town, postcode and country. */
export const addressLinesSchema = z.object({
  line1: requiredText('the first line of the address', MAX_LENGTH.addressLine),
  line2: bounded(MAX_LENGTH.addressLine, `Keep the second line of the address to ${MAX_LENGTH.addressLine} characters or fewer`)
    .optional()
    .transform((s) => s || undefined),
  city: requiredText('a town or city', MAX_LENGTH.city),
  postcode: requiredText('a postcode', MAX_LENGTH.postcode).regex(
    /^[A-Za-z0-9][A-Za-z0-9 -]{2,9}$/,
    'Enter a real postcode, like D02 X285 or 10115',
  ),
  country: z.enum(Object.keys(COUNTRIES) as [Country, ...Country[]], 'Select a country'),
})

/** An address as the sub-flow builds it: `verified` once the carrier has checked it (its last step). */
export interface AddressData extends Address {
  readonly verified?: true
}

const blank: AddressData = { fullName: '', line1: '', city: '', postcode: '', country: '' }

/**
 * The address sub-flow, used for the delivery and billing addresses of the checkout and the home
 * address of the enrollment: the name it is for (passed over when the parent maps one in with `in`),
 * then the lines, which the carrier verifies and normalizes.
 * @example
 * shipping: { title: 'Shipping address', flow: address, next: 'delivery' }
 * home: { flow: address, in: ({ state }) => ({ fullName: state.applicant?.fullName ?? '' }), next: 'eligibility' }
 */
export const address = defineWorkflow({
  id: 'address',
  version: 1,
  initial: 'name',
  state: blank,
  steps: {
    name: {
      title: 'Name',
      validate: addressNameSchema,
      skip: ({ state }) => state.fullName !== '' && 'the name is known already',
      next: 'lines',
    },
    lines: {
      title: 'Address',
      validate: addressLinesSchema,
      actions: [async ({ input, state, signal }) => verifyAddress({ ...input, fullName: state.fullName }, signal)],
      final: true,
    },
  },
})

/** An address on one line per part, for check-answers pages. */
export const addressLines = (a: AddressData): string[] =>
  [a.fullName, a.line1, a.line2, `${a.city} ${a.postcode}`, COUNTRIES[a.country as Country] ?? a.country].filter((s): s is string =>
    Boolean(s),
  )
