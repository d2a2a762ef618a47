// @size-budget 4810
// @size-title @flowkit/tools/diagram: toMermaid + toGraph of a code-defined flow (no loader, zod or yaml)
import { defineWorkflow } from '@flowkit/core'
import { toGraph, toMermaid } from '@flowkit/tools/diagram'

const flow = defineWorkflow({
  id: 'signup',
  initial: 'account',
  state: { plan: 'solo' },
  steps: {
    account: { title: 'Account', next: [{ to: 'team', when: ({ state }) => state.plan === 'team', label: 'team plan' }, { to: 'done' }] },
    team: { next: 'done' },
    done: { final: true },
  },
})
console.log(toMermaid(flow), toGraph(flow))
