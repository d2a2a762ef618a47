import { defineWorkflow } from '@flowkit/core'
import { z } from 'zod'

/** How the pretend card service answers; stories steer it in `beforeEach` with `bankAnswers()`. */
interface Bank {
  /** Milliseconds a call waits. */
  latency: number
  /** `'hang'` never answers, so the step stays busy. */
  outcome: 'approve' | 'decline' | 'hang'
}

const bank: Bank = { latency: 150, outcome: 'approve' }

/** Sets how the card service answers until the story ends; returns the cleanup `beforeEach` expects. */
export const bankAnswers = (settings: Partial<Bank>) => () => {
  const before = { ...bank }
  Object.assign(bank, settings)
  return () => {
    Object.assign(bank, before)
  }
}

const authorize = (last4: string, signal: AbortSignal) =>
  new Promise<{ last4: string }>((resolve, reject) => {
    if (bank.outcome === 'hang') return
    const timer = setTimeout(
      () => (bank.outcome === 'decline' ? reject(new Error(`the bank declined the card ending ${last4}`)) : resolve({ last4 })),
      bank.latency,
    )
    signal.addEventListener('abort', () => clearTimeout(timer))
  })

export interface AccountState {
  readonly email: string
  readonly plan: 'solo' | 'team' | null
  readonly seats: number
  readonly card: { readonly last4: string } | null
  readonly opened: boolean
}

/**
 * Opening an account: email → plan, whose `next` cannot decide until a plan is chosen (so progress is
 * inexact before it) → team (team plans only) → payment (an async card check that can fail or hang) → review.
 */
export const account = defineWorkflow({
  id: 'account',
  initial: 'email',
  state: { email: '', plan: null, seats: 1, card: null, opened: false } as AccountState,
  steps: {
    email: {
      title: 'Email',
      validate: z.object({ email: z.email('Enter an email address like ada@example.com') }),
      next: 'plan',
    },
    plan: {
      title: 'Plan',
      validate: z.object({ plan: z.enum(['solo', 'team'], 'Choose a plan') }),
      next: ({ state }) => (state.plan === 'team' ? 'team' : state.plan === 'solo' ? 'payment' : undefined),
      targets: ['team', 'payment'],
    },
    team: {
      title: 'Team',
      validate: z.object({ seats: z.coerce.number('Enter a number of seats').int().min(2, 'A team has at least 2 seats') }),
      next: 'payment',
    },
    payment: {
      title: 'Payment',
      validate: z.object({ card: z.string().regex(/^\d{16}$/, 'Enter the 16 digits of your card') }),
      actions: [async ({ input, signal }) => ({ card: await authorize(input.card.slice(-4), signal) })],
      next: 'review',
    },
    review: {
      title: 'Review',
      final: true,
      actions: [() => ({ opened: true })],
    },
  },
})

/** The state after every step of a team account. */
export const teamAccount: Partial<AccountState> = { email: 'ada@example.com', plan: 'team', seats: 5, card: { last4: '4242' } }

/** A flow of `count` plain steps, for long steppers and progress bars. */
export const longFlow = (count: number) => {
  const ids = Array.from({ length: count }, (_, i) => `part${i + 1}`)
  return defineWorkflow({
    id: `long-${count}`,
    initial: ids[0] as string,
    state: {},
    steps: Object.fromEntries(
      ids.map((id, i) => [
        id,
        i === count - 1 ? { title: `Part ${i + 1}`, final: true } : { title: `Part ${i + 1}`, next: ids[i + 1] as string },
      ]),
    ),
  })
}
