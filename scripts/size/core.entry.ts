// @size-budget 7750
// @size-goal 3072
// @size-title @flowkit/core: a 3-step flow with a choice, a skip and validation (no persistence)
import { createWorkflow, defineWorkflow } from '@flowkit/core'

const flow = defineWorkflow({
  id: 'signup',
  initial: 'account',
  state: { email: '', plan: 'solo', invited: false },
  steps: {
    account: { next: [{ to: 'team', when: ({ state }) => state.plan === 'team' }, { to: 'done' }] },
    team: { skip: ({ state }) => state.invited, next: 'done' },
    done: { final: true },
  },
})

const workflow = createWorkflow(flow)
workflow.subscribe((snapshot) => console.log(snapshot.step, snapshot.progress))
await workflow.next({ email: 'ada@example.com', plan: 'team' })
workflow.back()
