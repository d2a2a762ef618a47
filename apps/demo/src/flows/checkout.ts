import { type ActionContext, composeWorkflow, refuse } from '@flowkit/core'
import { z } from 'zod'
import { type Authorization, authorizePayment } from '../services/payment'
import { checkPromoCode, type Promo } from '../services/promo'
import { type AddressData, address } from './address'
import { DELIVERY_METHODS, type DeliveryMethod, PRODUCTS, type ProductId, productById } from './catalog'
import { bounded, emailAddress, MAX_LENGTH, requiredText } from './limits'
import { validateAsync } from './validateAsync'

/** The most of one item a basket takes. */
export const MAX_QUANTITY = 10

/**
 * A quantity as typed ("2") or stepped with the buttons (2): a whole number from 0 to 10, refused
 * with a message otherwise, never rounded or clamped ("2.5", "1e3" and "-3" are mistakes, not 2, 1 and 0).
 * An emptied field means none.
 */
export const quantitySchema = z
  .union([z.number(), z.string()], 'Enter a quantity')
  .transform((value, ctx) => {
    const text = String(value).trim()
    if (/^\d{1,3}$/.test(text)) return Number(text)
    if (text === '') return 0
    ctx.addIssue({ code: 'custom', message: `Enter a whole number from 0 to ${MAX_QUANTITY}, like 2`, abort: true })
    return z.NEVER
  })
  .pipe(z.number().max(MAX_QUANTITY, `You can buy at most ${MAX_QUANTITY} of each item`))

/** Cart: quantities per product, and a promo code checked by the (slow, fallible) promo service. */
export const cartSchema = z.object({
  quantities: z
    .partialRecord(z.enum(PRODUCTS.map((p) => p.id) as [ProductId, ...ProductId[]]), quantitySchema)
    .refine((q) => Object.values(q).some((n) => (n ?? 0) > 0), 'Add at least one item to your basket'),
  promo: bounded(MAX_LENGTH.promo, `Promo codes are at most ${MAX_LENGTH.promo} characters`).transform(
    async (code, ctx): Promise<Promo | null> => {
      if (code === '') return null
      const promo = await checkPromoCode(code)
      if (!promo) ctx.addIssue({ code: 'custom', message: `Promo code ${code.toUpperCase()} is not valid or has expired` })
      return promo
    },
  ),
})

/** "Is the billing address the same as the delivery address?" */
export const billingSameSchema = z.object({
  same: z.enum(['yes', 'no'], 'Select whether the billing address is the same as the delivery address'),
})

export const deliverySchema = z.object({
  method: z.enum(Object.keys(DELIVERY_METHODS) as [DeliveryMethod, ...DeliveryMethod[]], 'Select a delivery method'),
})

/**
 * Whether a card that expires `MM/YY` can still pay on `today`: a card works until the end of its month.
 * @example
 * isExpired('11/26', new Date(2026, 11, 1)) // true
 */
export const isExpired = (expiry: string, today: Date = new Date()): boolean => {
  const [month, year] = expiry.split('/').map(Number) as [number, number]
  return 2000 + year < today.getFullYear() || (2000 + year === today.getFullYear() && month < today.getMonth() + 1)
}

const CARD_NUMBER = 'Enter a card number of 13 to 19 digits, like 4242 4242 4242 4242'
const EXPIRY = 'Enter the expiry date as MM/YY, like 08/29'

/**
 * An expiry date as people type it, as `MM/YY`: "0829", "08/29", "8/29" and "08 / 29" are all August 2029.
 * Anything else is returned trimmed as it is, for the format check to refuse.
 * @example
 * normalizeExpiry('0829') // '08/29'
 */
export const normalizeExpiry = (typed: string): string => {
  const text = typed.trim()
  const parts = /^(\d{1,2})\s*\/\s*(\d{2})$/.exec(text) ?? /^(\d{2})\s*(\d{2})$/.exec(text)
  return parts ? `${parts[1]?.padStart(2, '0')}/${parts[2]}` : text
}

const cardSchema = z.object({
  name: requiredText('the name as it appears on the card', MAX_LENGTH.personName),
  number: bounded(MAX_LENGTH.cardNumber, CARD_NUMBER)
    .transform((s) => s.replace(/[\s-]/g, ''))
    .pipe(z.string().regex(/^\d{13,19}$/, CARD_NUMBER)),
  expiry: bounded(MAX_LENGTH.expiry, EXPIRY)
    .transform(normalizeExpiry)
    .pipe(
      z
        .string()
        .regex(/^(0[1-9]|1[0-2])\/\d{2}$/, { error: EXPIRY, abort: true })
        .refine((expiry) => !isExpired(expiry), 'This card has expired: use a card whose expiry date is this month or later'),
    ),
  cvc: bounded(MAX_LENGTH.cvc, 'Enter the 3 or 4 digit security code').regex(/^\d{3,4}$/, 'Enter the 3 or 4 digit security code'),
})

export const paymentSchema = z.discriminatedUnion(
  'method',
  [z.object({ method: z.literal('card'), card: cardSchema }), z.object({ method: z.literal('invoice') })],
  { error: 'Select how you want to pay' },
)

const VAT = 'Enter a VAT number starting with the country code, like IE6388047V'

export const companySchema = z.object({
  name: requiredText('the company name', MAX_LENGTH.companyName),
  vatNumber: bounded(MAX_LENGTH.vatNumber, VAT).regex(/^[A-Z]{2}[0-9A-Z]{6,12}$/, VAT),
  billingEmail: emailAddress('Enter an email address in the correct format, like accounts@example.com'),
  purchaseOrder: bounded(MAX_LENGTH.purchaseOrder, `Purchase order numbers are at most ${MAX_LENGTH.purchaseOrder} characters`)
    .optional()
    .transform((s) => s || undefined),
})

export interface CartLine {
  readonly product: ProductId
  readonly quantity: number
}

export type PaymentDetails =
  | { readonly method: 'card'; readonly name: string; readonly brand: string; readonly last4: string; readonly expiry: string }
  | { readonly method: 'invoice' }

export interface CheckoutState {
  readonly cart: { readonly lines: readonly CartLine[]; readonly promo: Promo | null } | null
  /** The delivery address (the `address` sub-flow's data). */
  readonly shipping: AddressData | null
  /** Whether the bill goes to the delivery address; `null` until asked (never for digital-only baskets). */
  readonly billingSame: boolean | null
  /** The billing address, asked only when it differs from the delivery address. */
  readonly billing: AddressData | null
  readonly delivery: { readonly method: DeliveryMethod } | null
  readonly payment: PaymentDetails | null
  readonly company: z.output<typeof companySchema> | null
  readonly order: Authorization | null
}

const initialState: CheckoutState = {
  cart: null,
  shipping: null,
  billingSame: null,
  billing: null,
  delivery: null,
  payment: null,
  company: null,
  order: null,
}

const DIGITAL = 'only digital goods in the basket'

/** True when nothing in the cart needs shipping. */
export const isDigitalOnly = (state: Pick<CheckoutState, 'cart'>): boolean =>
  state.cart?.lines.every((line) => productById(line.product)?.digital) === true

/** Subtotal, discount, delivery and total in cents. */
export const totalsOf = (state: Pick<CheckoutState, 'cart' | 'delivery'>) => {
  const subtotal = (state.cart?.lines ?? []).reduce((sum, l) => sum + (productById(l.product)?.price ?? 0) * l.quantity, 0)
  const discount = Math.round((subtotal * (state.cart?.promo?.percentOff ?? 0)) / 100)
  const delivery = state.delivery ? DELIVERY_METHODS[state.delivery.method].price : 0
  return { subtotal, discount, delivery, total: subtotal - discount + delivery }
}

const brandOf = (number: string) =>
  number.startsWith('4') ? 'Visa' : /^5[1-5]/.test(number) ? 'Mastercard' : number.startsWith('3') ? 'Amex' : 'Card'

/**
 * The checkout: cart → shipping address (the `address` sub-flow; skipped for digital-only carts) →
 * "billing address the same?" → billing address (the same sub-flow, only when it differs) → delivery →
 * payment (card, or invoice which adds company details) → review, whose completion authorizes the payment.
 */
export const checkout = composeWorkflow({
  id: 'checkout',
  version: 2,
  initial: 'cart',
  state: initialState,
  steps: {
    cart: {
      title: 'Basket',
      validate: validateAsync(cartSchema),
      actions: [
        ({ input }) => ({
          cart: {
            lines: Object.entries(input.quantities as Partial<Record<ProductId, number>>)
              .filter(([, quantity]) => (quantity ?? 0) > 0)
              .map(([product, quantity]) => ({ product: product as ProductId, quantity: quantity ?? 0 })),
            promo: input.promo,
          },
        }),
      ],
      next: 'shipping',
    },
    shipping: {
      title: 'Shipping address',
      flow: address,
      skip: ({ state }) => isDigitalOnly(state) && DIGITAL,
      next: 'billingSame',
    },
    billingSame: {
      // Not 'Billing address': that is the sub-flow's title, right after it in the stepper.
      title: 'Billing address same as shipping?',
      validate: billingSameSchema,
      skip: ({ state }) => isDigitalOnly(state) && DIGITAL,
      actions: [({ input }) => ({ billingSame: input.same === 'yes' })],
      next: 'billing',
    },
    billing: {
      title: 'Billing address',
      flow: address,
      skip: ({ state }) => (isDigitalOnly(state) ? DIGITAL : state.billingSame === true && 'the same as the delivery address'),
      next: 'delivery',
    },
    delivery: {
      title: 'Delivery',
      validate: deliverySchema,
      actions: [
        ({ input, state }: ActionContext<CheckoutState, string, z.output<typeof deliverySchema>>) => {
          if (DELIVERY_METHODS[input.method].physical === isDigitalOnly(state)) {
            // An answer that no longer fits the basket (changed since): a field issue on the method, as a schema's would be.
            throw refuse({
              method: `${DELIVERY_METHODS[input.method].label} delivery is not available for this basket; choose another method.`,
            })
          }
          return { delivery: { method: input.method } }
        },
      ],
      next: 'payment',
    },
    payment: {
      title: 'Payment',
      validate: paymentSchema,
      actions: [
        ({ input }: ActionContext<CheckoutState, string, z.output<typeof paymentSchema>>) => ({
          payment:
            input.method === 'card'
              ? {
                  method: 'card' as const,
                  name: input.card.name,
                  brand: brandOf(input.card.number),
                  last4: input.card.number.slice(-4),
                  expiry: input.card.expiry,
                }
              : { method: 'invoice' as const },
        }),
      ],
      next: [{ to: 'company', when: ({ state }) => state.payment?.method === 'invoice', label: 'paying by invoice' }, { to: 'review' }],
    },
    company: {
      title: 'Company details',
      validate: companySchema,
      actions: [({ input }) => ({ company: input })],
      next: 'review',
    },
    review: {
      title: 'Check your answers',
      final: true,
      actions: [
        async ({ state, signal }) => {
          if (!state.payment) throw new Error('No payment method was chosen; go back to the payment step.')
          return { order: await authorizePayment(state.payment, totalsOf(state).total, signal) }
        },
      ],
    },
  },
})

/** Input field paths never written to storage: the full card number and security code. */
export const CHECKOUT_SECRET_FIELDS = ['card.number', 'card.cvc'] as const
