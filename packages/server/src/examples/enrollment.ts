import { defineWorkflow } from '@flowkit/core'
import { z } from 'zod'

/** A small enrollment flow used by the ready server, the tests and the benchmark: a choice, a priced step, a final review. */
export const enrollment = defineWorkflow({
  id: 'enrollment',
  version: 1,
  initial: 'contact',
  state: { email: '', name: '', plan: 'basic' as 'basic' | 'family', dependents: 0, price: 0 },
  steps: {
    contact: {
      title: 'Contact',
      validate: z.object({ email: z.email(), name: z.string().min(1) }),
      next: 'plan',
    },
    plan: {
      title: 'Plan',
      validate: z.object({ plan: z.enum(['basic', 'family']) }),
      next: [
        { to: 'dependents', when: ({ state }) => state.plan === 'family', label: 'plan is family' },
        { to: 'payment', label: 'otherwise' },
      ],
    },
    dependents: {
      title: 'Dependents',
      validate: z.object({ dependents: z.number().int().min(1).max(8) }),
      next: 'payment',
    },
    payment: {
      title: 'Payment',
      // A token from the payment provider's widget: card numbers never reach Flowkit's storage.
      validate: z.object({ cardToken: z.string().startsWith('tok_', 'pay with the card form first') }),
      actions: [({ state }) => ({ price: state.plan === 'family' ? 20 + 5 * state.dependents : 10 })],
      next: 'review',
    },
    review: { title: 'Review', final: true },
  },
})
