// Imports the *built* @flowkit/core from plain Node ESM (no TypeScript, no bundler, no export
// condition) and drives a flow through branching, a skip, validation, back, persistence and resume.
import assert from 'node:assert/strict'
import { createWorkflow, defineWorkflow, WorkflowError } from '@flowkit/core'
import { memoryStorage, persist } from '@flowkit/core/persist'

const required = {
  '~standard': {
    version: 1,
    vendor: 'smoke',
    validate: (value) => (value?.name ? { value } : { issues: [{ message: 'Enter your name', path: ['name'] }] }),
  },
}

const flow = defineWorkflow({
  id: 'smoke',
  initial: 'about',
  state: { name: '', plan: 'single' },
  steps: {
    about: { validate: required, next: 'plan' },
    plan: { next: [{ to: 'dependents', when: ({ state }) => state.plan === 'family' }, { to: 'review' }] },
    dependents: { skip: ({ state }) => state.plan !== 'family', next: 'review' },
    review: { actions: [async ({ state }) => ({ submitted: `${state.name}:${state.plan}` })], final: true },
  },
})

assert.throws(() => defineWorkflow({ id: 'bad', initial: 'a', state: {}, steps: { a: { next: 'b' } } }), WorkflowError)

const storage = memoryStorage()
const workflow = createWorkflow(flow, { persist: persist({ key: 'smoke', storage }) })
let snapshot = await workflow.next({})
assert.deepEqual(snapshot.issues, { name: ['Enter your name'] })
snapshot = await workflow.next({ name: 'Ada' })
assert.equal(snapshot.step, 'plan')
snapshot = await workflow.next({ plan: 'family' })
assert.equal(snapshot.step, 'dependents')
workflow.back()
snapshot = await workflow.next({ plan: 'single' })
assert.equal(snapshot.step, 'review')
assert.deepEqual(snapshot.history, ['about', 'plan', 'review'])

const resumed = createWorkflow(flow, { persist: persist({ key: 'smoke', storage }) })
assert.equal(resumed.getSnapshot().step, 'review')
snapshot = await resumed.next({})
assert.equal(snapshot.status, 'done')
assert.equal(snapshot.state.submitted, 'Ada:single')
console.log('smoke: built @flowkit/core drove a flow from plain Node ESM: ok')
