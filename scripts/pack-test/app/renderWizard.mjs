// Renders a wizard with the installed @flowkit/react through react-dom/server: hooks only work when
// @flowkit/react and the app share one React ("Invalid hook call" otherwise).
import assert from 'node:assert/strict'
import { createWorkflow, getPersistedSnapshot, resumeWorkflow } from '@flowkit/core'
import { useStep, WorkflowProgress, WorkflowProvider, WorkflowSteps } from '@flowkit/react'
import { createElement as h } from 'react'
import { renderToString } from 'react-dom/server'
import { signup } from './signup.mjs'

const errors = []
console.error = (...args) => errors.push(args.join(' '))

function Titled() {
  const step = useStep()
  return h('h2', null, step.title)
}
const steps = { account: Titled, kind: Titled, seats: Titled, review: Titled }
const wizard = (workflow) => renderToString(h(WorkflowProvider, { workflow }, h(WorkflowProgress), h(WorkflowSteps, { steps })))

const flow = createWorkflow(signup)
assert.match(wizard(flow), /<h2[^>]*>Account<\/h2>/)
assert.match(wizard(flow), /Step 1 of 3/)
await flow.next({ email: 'ada@example.com' })
// The server renders the state an instance starts in: resume one at the second step.
const resumed = resumeWorkflow(signup, getPersistedSnapshot(flow))
assert.match(wizard(resumed), /<h2[^>]*>Team or solo<\/h2>/)
assert.deepEqual(errors, [], 'React logged errors while rendering')
process.stdout.write('a wizard renders with React on the server, one React for the app and @flowkit/react\n')
