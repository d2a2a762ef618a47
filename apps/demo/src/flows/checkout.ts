import { type ActionContext, defineWorkflow } from '@flowkit/core'
import { z } from 'zod'
import { type Address, type VerifiedAddress, verifyAddress } from '../services/address'
import { type Authorization, authorizePayment } from '../services/payment'
import { checkPromoCode, type Promo } from '../services/promo'
import { DELIVERY_METHODS, type DeliveryMethod, PRODUCTS, type ProductId, productById } from './catalog'
import { validateAsync } from './validateAsync'

const required = (what: string) => z.string().trim().min(1, `Enter ${what}`)

/** Cart: quantities per product, and a promo code checked by the (slow, fallible) promo service. */
export const cartSchema = z.object({
  quantities: z
    .partialRecord(
      z.enum(PRODUCTS.map((p) => p.id) as [ProductId, ...ProductId[]]),
      z.number().int('Quantities are whole numbers').min(0, 'Quantities cannot be negative').max(10, 'You can buy at most 10 of each item'),
    )
    .refine((q) => Object.values(q).some((n) => (n ?? 0) > 0), 'Add at least one item to your basket'),
  promo: z
    .string()
    .trim()
    .transform(async (code, ctx): Promise<Promo | null> => {
      if (code === '') return null
      const promo = await checkPromoCode(code)
      if (!promo) ctx.addIssue({ code: 'custom', message: `Promo code ${code.toUpperCase()} is not valid or has expired` })
      return promo
    }),
})

export const addressSchema = z.object({
  fullName: required('the full name of the recipient'),
  line1: required('the first line of the address'),
  line2: z
    .string()
    .trim()
    .optional()
    .transform((s) => s || undefined),
  city: required('a town or city'),
  postcode: z
    .string()
    .trim()
    .min(1, { error: 'Enter a postcode', abort: true })
    .regex(/^[A-Za-z0-9][A-Za-z0-9 -]{2,9}$/, 'Enter a real postcode, like D02 X285 or 10115'),
  country: z.enum(['IE', 'GB', 'DE', 'FR', 'NL'], 'Select a country'),
})

export const deliverySchema = z.object({
  method: z.enum(Object.keys(DELIVERY_METHODS) as [DeliveryMethod, ...DeliveryMethod[]], 'Select a delivery method'),
})

const cardSchema = z.object({
  name: required('the name as it appears on the card'),
  number: z
    .string()
    .transform((s) => s.replace(/[\s-]/g, ''))
    .pipe(z.string().regex(/^\d{13,19}$/, 'Enter a card number of 13 to 19 digits, like 4242 4242 4242 4242')),
  expiry: z
    .string()
    .trim()
    .regex(/^(0[1-9]|1[0-2])\/\d{2}$/, 'Enter the expiry date as MM/YY, like 08/29'),
  cvc: z
    .string()
    .trim()
    .regex(/^\d{3,4}$/, 'Enter the 3 or 4 digit security code'),
})

export const paymentSchema = z.discriminatedUnion(
  'method',
  [z.object({ method: z.literal('card'), card: cardSchema }), z.object({ method: z.literal('invoice') })],
  { error: 'Select how you want to pay' },
)

export const companySchema = z.object({
  name: required('the company name'),
  vatNumber: z
    .string()
    .trim()
    .regex(/^[A-Z]{2}[0-9A-Z]{6,12}$/, 'Enter a VAT number starting with the country code, like IE6388047V'),
  billingEmail: z.email('Enter an email address in the correct format, like accounts@example.com'),
  purchaseOrder: z
    .string()
    .trim()
    .max(20, 'Purchase order numbers are at most 20 characters')
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
  readonly shipping: VerifiedAddress | null
  readonly delivery: { readonly method: DeliveryMethod } | null
  readonly payment: PaymentDetails | null
  readonly company: z.output<typeof companySchema> | null
  readonly order: Authorization | null
}

const initialState: CheckoutState = { cart: null, shipping: null, delivery: null, payment: null, company: null, order: null }

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
 * The checkout: cart → shipping (skipped for digital-only carts) → delivery → payment (card, or invoice
 * which adds company details) → review, whose completion authorizes the payment.
 */
export const checkout = defineWorkflow({
  id: 'checkout',
  version: 1,
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
      validate: addressSchema,
      skip: ({ state }) => isDigitalOnly(state) && 'only digital goods in the basket',
      actions: [async ({ input, signal }) => ({ shipping: await verifyAddress(input as Address, signal) })],
      next: 'delivery',
    },
    delivery: {
      title: 'Delivery',
      validate: deliverySchema,
      actions: [
        ({ input, state }: ActionContext<CheckoutState, string, z.output<typeof deliverySchema>>) => {
          if (DELIVERY_METHODS[input.method].physical === isDigitalOnly(state)) {
            throw new Error(`${DELIVERY_METHODS[input.method].label} delivery is not available for this basket; choose another method.`)
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
