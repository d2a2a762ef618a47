import { defineWorkflow } from '@flowkit/core'
import { act, render } from '@testing-library/react'
import { type ReactElement, StrictMode } from 'react'
import { hydrateRoot } from 'react-dom/client'
import { onTestFinished, vi } from 'vitest'
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

/** Puts server markup in the page and hydrates `ui` over it, recording what React reports (a mismatch, a console error). */
export const hydrateServerMarkup = async (html: string, ui: ReactElement) => {
  const container = document.createElement('div')
  container.innerHTML = html
  document.body.append(container)
  const errors = vi.spyOn(console, 'error')
  const recoverable = vi.fn()
  let root: ReturnType<typeof hydrateRoot> | undefined
  await act(async () => {
    root = hydrateRoot(container, ui, { onRecoverableError: recoverable })
  })
  onTestFinished(() => {
    act(() => root?.unmount())
    container.remove()
  })
  return { container, errors, recoverable }
}
