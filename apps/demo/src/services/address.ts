import { call } from './faults'

export interface Address {
  readonly fullName: string
  readonly line1: string
  readonly line2?: string | undefined
  readonly city: string
  readonly postcode: string
  readonly country: string
}

export interface VerifiedAddress extends Address {
  readonly verified: true
}

/** Postcodes the fake carrier cannot deliver to (shown on the shipping screen). */
export const UNDELIVERABLE_POSTCODE = '00000'

/** Thrown when the carrier cannot deliver to an address; the user must change it. */
export class UndeliverableAddressError extends Error {
  override name = 'UndeliverableAddressError'
}

const titleCase = (s: string) =>
  s
    .trim()
    .toLowerCase()
    .replace(/(^|[\s-])\p{L}/gu, (m) => m.toUpperCase())

/** Checks and normalizes an address with latency, like a carrier API. */
export const verifyAddress = (address: Address, signal?: AbortSignal): Promise<VerifiedAddress> =>
  call(
    'address',
    () => {
      const postcode = address.postcode.trim().toUpperCase()
      if (postcode === UNDELIVERABLE_POSTCODE) {
        throw new UndeliverableAddressError(`We cannot deliver to postcode ${postcode}. Enter another address.`)
      }
      return { ...address, city: titleCase(address.city), postcode, verified: true as const }
    },
    signal,
  )
