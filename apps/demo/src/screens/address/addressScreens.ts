import type { StepScreen } from '../StepScreen'
import { type AddressLinesDraft, AddressLinesFields, type AddressNameDraft, AddressNameFields } from './AddressFields'

/** The words of one use of the address sub-flow: the headings of its two pages. */
export interface AddressWords {
  readonly nameHeading: string
  readonly linesHeading: string
  readonly lead?: string
}

/**
 * The screens of the `address` sub-flow where the flow `step` includes it, keyed by the laid-out step
 * ids (`'shipping.name'`, `'shipping.lines'`), so one pair of screens serves shipping, billing and home.
 * @example
 * screens: { cart: cartScreen, ...addressScreens('shipping', { nameHeading: 'Who is it for?', linesHeading: 'Where should we send it?' }) }
 */
export const addressScreens = (step: string, words: AddressWords): Record<string, StepScreen<any>> => {
  const name: StepScreen<unknown, AddressNameDraft> = {
    heading: words.nameHeading,
    ...(words.lead === undefined ? {} : { lead: words.lead }),
    Fields: AddressNameFields,
    blank: { fullName: '' },
    order: ['fullName'],
  }
  const lines: StepScreen<unknown, AddressLinesDraft> = {
    heading: words.linesHeading,
    ...(words.lead === undefined ? {} : { lead: words.lead }),
    Fields: AddressLinesFields,
    blank: { line1: '', line2: '', city: '', postcode: '', country: '' },
    order: ['line1', 'line2', 'city', 'postcode', 'country'],
    submitLabel: 'Check address and continue',
  }
  return { [`${step}.name`]: name, [`${step}.lines`]: lines }
}
