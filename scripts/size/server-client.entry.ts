// @size-budget 12485
// @size-title @flowkit/server/client: a flow persisted to the server with httpStorage (core + persist included)
import { createWorkflow, defineWorkflow } from '@flowkit/core'
import { persist } from '@flowkit/core/persist'
import { httpStorage } from '@flowkit/server/client'

const flow = defineWorkflow({
  id: 'signup',
  initial: 'account',
  state: { email: '' },
  steps: { account: { next: 'done' }, done: { final: true } },
})

const storage = httpStorage('/api/flowkit', { token: new URLSearchParams(location.search).get('resume') })
const workflow = createWorkflow(flow, { persist: persist({ key: 'signup', storage }) })
storage.attach(workflow)
storage.subscribe((status) => console.log(status.state, status.token))
await workflow.next({ email: 'ada@example.com' })
await storage.submit()
