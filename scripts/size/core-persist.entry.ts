// @size-title @flowkit/core with persistence (zustand persist, web storage)
// @size-budget 10395
import { createWorkflow, defineWorkflow } from '@flowkit/core'
import { persist } from '@flowkit/core/persist'

const flow = defineWorkflow({
  id: 'signup',
  initial: 'account',
  state: { email: '' },
  steps: { account: { next: 'done' }, done: { final: true } },
})

const workflow = createWorkflow(flow, { persist: persist({ key: 'signup', exclude: ['password'] }) })
await workflow.next({ email: 'ada@example.com' })
