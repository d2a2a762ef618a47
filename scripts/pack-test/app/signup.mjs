// The flow every check below runs: a branch (team or solo), a skipped-or-taken step and a final step.
import { defineWorkflow } from '@flowkit/core'

export const signup = defineWorkflow({
  id: 'signup',
  initial: 'account',
  state: { email: '', team: false, seats: 1 },
  steps: {
    account: { title: 'Account', next: 'kind' },
    kind: {
      title: 'Team or solo',
      next: [{ to: 'seats', when: ({ state }) => state.team, label: 'a team' }, { to: 'review' }],
    },
    seats: { title: 'Seats', next: 'review' },
    review: { title: 'Review', final: true },
  },
})
