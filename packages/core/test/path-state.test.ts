import { createWorkflow, defineWorkflow } from '@flowkit/core'
import { describe, expect, test } from 'vitest'

type State = { plan?: string; dependents?: number; consent?: boolean; student?: string }

const enrollment = defineWorkflow({
  id: 'enroll',
  initial: 'plan',
  state: {} as State,
  steps: {
    plan: { next: [{ to: 'dependents', when: ({ state }) => state.plan === 'family' }, { to: 'consent' }] },
    dependents: { next: 'consent' },
    consent: { final: true },
  },
})

describe('path-scoped state', () => {
  test('state is the initial state plus the contributions of the steps on the path', async () => {
    const workflow = createWorkflow(enrollment)
    await workflow.next({ plan: 'family' })
    await workflow.next({ dependents: 2 })
    expect(workflow.getSnapshot().state).toEqual({ plan: 'family', dependents: 2 })
  })

  test("going back and taking another branch drops the abandoned branch's data", async () => {
    const workflow = createWorkflow(enrollment)
    await workflow.next({ plan: 'family' })
    await workflow.next({ dependents: 2 })
    workflow.back()
    workflow.back()
    expect(workflow.getSnapshot().state).toEqual({})
    await workflow.next({ plan: 'single' })
    await workflow.next({ consent: true })
    const done = workflow.getSnapshot()
    expect(done.status).toBe('done')
    expect(done.state).toEqual({ plan: 'single', consent: true })
    expect(done.history).toEqual(['plan', 'consent'])
  })

  test('the abandoned input is kept aside as a draft, to prefill the step if the user returns', async () => {
    const workflow = createWorkflow(enrollment)
    await workflow.next({ plan: 'family' })
    await workflow.next({ dependents: 2 })
    workflow.goTo('plan')
    await workflow.next({ plan: 'single' })
    expect(workflow.getSnapshot().drafts.dependents).toEqual({ dependents: 2 })
    workflow.back()
    await workflow.next({ plan: 'family' })
    expect(workflow.getSnapshot().step).toBe('dependents')
    expect(workflow.getSnapshot().drafts.dependents).toEqual({ dependents: 2 })
    expect(workflow.getSnapshot().state).toEqual({ plan: 'family' })
  })

  test('back() undoes the contribution of the step returned to', async () => {
    const workflow = createWorkflow(enrollment)
    await workflow.next({ plan: 'family' })
    expect(workflow.back().state).toEqual({})
  })

  test('setDraft keeps typing for a step without touching state, history or progress', () => {
    const workflow = createWorkflow(enrollment)
    const before = workflow.getSnapshot()
    void before.history
    void before.progress
    workflow.setDraft('plan', { plan: 'fam' })
    const after = workflow.getSnapshot()
    expect(after.drafts.plan).toEqual({ plan: 'fam' })
    expect(after.state).toBe(before.state)
    expect(after.history).toBe(before.history)
    expect(after.progress).toBe(before.progress)
  })

  test('setDraft on an unknown step throws with a hint', () => {
    expect(() => createWorkflow(enrollment).setDraft('plam' as 'plan', {})).toThrow("Did you mean 'plan'?")
  })
})
