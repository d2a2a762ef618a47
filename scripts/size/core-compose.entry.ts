// @size-title @flowkit/core with composition: the 3-step flow plus a `flow:` sub-flow and a `repeat:` (composeWorkflow)
// @size-budget 10600
import { composeWorkflow, createWorkflow, defineWorkflow } from '@flowkit/core'

const address = defineWorkflow({
  id: 'address',
  initial: 'street',
  state: { street: '', city: '' },
  steps: { street: { next: 'city' }, city: { final: true } },
})

const flow = composeWorkflow({
  id: 'signup',
  initial: 'account',
  state: { email: '', plan: 'solo', invited: false },
  steps: {
    account: { next: [{ to: 'team', when: ({ state }) => state.plan === 'team' }, { to: 'home' }] },
    team: { skip: ({ state }) => state.invited, next: 'home' },
    home: { flow: address, next: 'offices' },
    offices: { repeat: { flow: address, max: 3 }, next: 'done' },
    done: { final: true },
  },
})

const workflow = createWorkflow(flow)
workflow.subscribe((snapshot) => console.log(snapshot.step, snapshot.progress))
await workflow.next({ email: 'ada@example.com', plan: 'team' })
await workflow.next({ action: 'add' })
workflow.back()
