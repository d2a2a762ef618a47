import { defineWorkflow } from '@flowkit/core'
import { z } from 'zod'

/** A short order flow with a validated step, a branch, and a final step: enough to exercise history. */
export const order = defineWorkflow({
  id: 'router-order',
  initial: 'name',
  state: { name: '', plan: 'basic' as 'basic' | 'pro', extras: '' },
  steps: {
    name: { title: 'Your name', validate: z.object({ name: z.string().min(1, 'Enter your name') }), next: 'plan' },
    plan: {
      title: 'Plan',
      validate: z.object({ plan: z.enum(['basic', 'pro'], 'Choose a plan') }),
      next: [{ to: 'extras', when: ({ state }) => state.plan === 'pro' }, { to: 'review' }],
    },
    extras: { title: 'Extras', next: 'review' },
    review: { title: 'Check your answers', final: true },
  },
})
