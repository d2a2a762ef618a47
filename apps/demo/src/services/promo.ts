import { call } from './faults'

export interface Promo {
  readonly code: string
  readonly percentOff: number
  readonly label: string
}

/** Codes the fake promo service accepts (shown on the cart screen). */
export const PROMO_CODES: Readonly<Record<string, Omit<Promo, 'code'>>> = {
  FLOW10: { percentOff: 10, label: '10% off everything' },
  WELCOME20: { percentOff: 20, label: '20% off your first order' },
}

/** Looks a code up, with latency. Resolves `null` for an unknown code; rejects when the service is down. */
export const checkPromoCode = (code: string, signal?: AbortSignal): Promise<Promo | null> =>
  call(
    'promo',
    () => {
      const normalized = code.trim().toUpperCase()
      const found = PROMO_CODES[normalized]
      return found ? { code: normalized, ...found } : null
    },
    signal,
  )
