/** How the pretend card service answers; stories steer it in `beforeEach` with `bankAnswers()`. */
interface Bank {
  /** Milliseconds a call waits. */
  latency: number
  /** `'hang'` never answers, so the step stays busy. */
  outcome: 'approve' | 'decline' | 'hang'
}
/** Sets how the card service answers until the story ends; returns the cleanup `beforeEach` expects. */
export declare const bankAnswers: (settings: Partial<Bank>) => () => () => void
export interface AccountState {
  readonly email: string
  readonly plan: 'solo' | 'team' | null
  readonly seats: number
  readonly card: {
    readonly last4: string
  } | null
  readonly opened: boolean
}
/**
 * Opening an account: email → plan, whose `next` cannot decide until a plan is chosen (so progress is
 * inexact before it) → team (team plans only) → payment (an async card check that can fail or hang) → review.
 */
export declare const account: import('@flowkit/core').WorkflowDefinition<AccountState, 'email' | 'team' | 'plan' | 'payment' | 'review'>
/** The state after every step of a team account. */
export declare const teamAccount: Partial<AccountState>
/** A flow of `count` plain steps, for long steppers and progress bars. */
export declare const longFlow: (count: number) => import('@flowkit/core').WorkflowDefinition<{}, string>
