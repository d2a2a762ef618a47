// Drives a flow with the installed @flowkit/core: branch, back, change an answer, resume from a persisted snapshot.
import assert from 'node:assert/strict'
import { createWorkflow, defineWorkflow, getPersistedSnapshot, isWorkflowError, resumeWorkflow } from '@flowkit/core'
import { signup } from './signup.mjs'

const flow = createWorkflow(signup)
await flow.next({ email: 'ada@example.com' })
await flow.next({ team: true })
assert.equal(flow.getSnapshot().step, 'seats')
assert.deepEqual(flow.getSnapshot().history, ['account', 'kind', 'seats'])

flow.back()
const solo = await flow.next({ team: false })
assert.equal(solo.step, 'review')
assert.deepEqual(solo.history, ['account', 'kind', 'review'])
assert.deepEqual(solo.state, { email: 'ada@example.com', team: false, seats: 1 })
assert.equal((await flow.next()).status, 'done')

const resumed = resumeWorkflow(signup, JSON.parse(JSON.stringify(getPersistedSnapshot(flow))))
assert.equal(resumed.getSnapshot().step, 'review')
assert.deepEqual(resumed.getSnapshot().state, solo.state)

assert.throws(
  () => defineWorkflow({ id: 'typo', initial: 'a', state: {}, steps: { a: { next: 'bb' }, b: { final: true } } }),
  (error) => isWorkflowError(error) && error.code === 'UNKNOWN_STEP' && error.category === 'definition',
)
console.log('a flow runs in plain Node: branch, back, resume, definition errors')
