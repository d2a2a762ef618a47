import { call } from './faults'

/** A card the fake bank always declines (shown on the payment screen). */
export const DECLINED_CARD = '4000000000000002'

export class PaymentDeclinedError extends Error {
  override name = 'PaymentDeclinedError'
}

export interface Authorization {
  readonly orderId: string
  readonly amount: number
  readonly authorizedAt: string
}

let sequence = 0

/** Authorizes `amount` cents with latency, like a payment provider. Declines card ending 0002. */
export const authorizePayment = (
  payment: { readonly method: 'card'; readonly last4: string } | { readonly method: 'invoice' },
  amount: number,
  signal?: AbortSignal,
): Promise<Authorization> =>
  call(
    'payment',
    () => {
      if (payment.method === 'card' && payment.last4 === DECLINED_CARD.slice(-4)) {
        throw new PaymentDeclinedError('Your bank declined the card ending 0002. Change your payment details and try again.')
      }
      sequence += 1
      const orderId = `FK-${String(Date.now()).slice(-6)}${sequence}`
      return { orderId, amount, authorizedAt: new Date().toISOString() }
    },
    signal,
  )
