import { defineWorkflow } from '@flowkit/core'
import { render } from '@testing-library/react'
import { type ReactElement, StrictMode } from 'react'
import { z } from 'zod'

/** A checkout: cart → (gift, skipped unless `gift`) → shipping (branch: pickup skips address) → payment → review. */
export const checkout = defineWorkflow({
  id: 'checkout',
  initial: 'cart',
  state: { items: 0, gift: false, delivery: 'post' as 'post' | 'pickup', email: '', card: '' },
  steps: {
    cart: { title: 'Cart', next: 'gift' },
    gift: { title: 'Gift wrap', skip: ({ state }) => !state.gift, next: 'shipping' },
    shipping: {
      title: 'Shipping',
      validate: z.object({
        email: z.string().email('Enter an email address like ada@example.com'),
        delivery: z.enum(['post', 'pickup']).default('post'),
      }),
      next: [{ to: 'address', when: ({ state }) => state.delivery === 'post' }, { to: 'payment' }],
    },
    address: { title: 'Address', next: 'payment' },
    payment: {
      title: 'Payment',
      validate: z.object({ card: z.string().min(4, 'Enter a card number') }),
      next: 'review',
    },
    review: { title: 'Review', final: true },
  },
})

export type CheckoutSteps = keyof typeof checkout.steps

/** Runs a suite in StrictMode and without it. */
export const modes = [
  ['in StrictMode', true],
  ['without StrictMode', false],
] as const

export const renderIn = (strict: boolean, ui: ReactElement) => render(strict ? <StrictMode>{ui}</StrictMode> : ui)
