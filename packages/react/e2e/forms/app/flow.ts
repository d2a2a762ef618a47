import { defineWorkflow } from '@flowkit/core'
import { z } from 'zod'

/** Email (the step that renders first, in a form library), plan (a default radio), review. */
export const signup = defineWorkflow({
  id: 'signup',
  initial: 'email',
  state: { email: '', plan: 'solo' as 'solo' | 'team' },
  steps: {
    email: {
      title: 'Your email',
      validate: z.object({ email: z.string().email('Enter an email address like ada@example.com') }),
      next: 'plan',
    },
    plan: { title: 'Plan', validate: z.object({ plan: z.enum(['solo', 'team']) }), next: 'review' },
    review: { title: 'Check your answers', final: true },
  },
})
