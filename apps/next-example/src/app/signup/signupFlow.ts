import { defineWorkflow } from '@flowkit/core'
import { z } from 'zod'

export const signup = defineWorkflow({
  id: 'signup',
  initial: 'email',
  state: { email: '', plan: 'free' as 'free' | 'pro', company: '' },
  steps: {
    email: {
      title: 'Your email',
      validate: z.object({ email: z.email({ error: 'Enter an email address like ada@example.com' }) }),
      next: 'plan',
    },
    plan: {
      title: 'Choose a plan',
      next: [{ to: 'company', when: ({ state }) => state.plan === 'pro', label: 'pro plan' }, { to: 'done' }],
    },
    company: { title: 'Your company', next: 'done' },
    done: { title: 'Create your account', final: true },
  },
})
