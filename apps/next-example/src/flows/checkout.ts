import { defineWorkflow } from '@flowkit/core'
import { z } from 'zod'

/** The flow as data: safe to import in a Server Component (no React, no browser). */
export const checkout = defineWorkflow({
  id: 'next-checkout',
  initial: 'email',
  state: { email: '', delivery: 'post' as 'post' | 'pickup', address: '' },
  steps: {
    email: {
      title: 'Your email',
      validate: z.object({ email: z.email('Enter an email address like ada@example.com') }),
      next: 'delivery',
    },
    delivery: {
      title: 'Delivery',
      validate: z.object({ delivery: z.enum(['post', 'pickup'], 'Choose how to get your order') }),
      next: [{ to: 'address', when: ({ state }) => state.delivery === 'post', label: 'by post' }, { to: 'review' }],
    },
    address: { title: 'Address', validate: z.object({ address: z.string().min(1, 'Enter your address') }), next: 'review' },
    review: { title: 'Check your answers', final: true },
  },
})
