import { createWorkflow, defineWorkflow } from '@flowkit/core'
import { describe, expect, test } from 'vitest'

const plans = defineWorkflow({
  id: 'plans',
  initial: 'plan',
  state: { plan: '' as string },
  steps: {
    plan: {
      next: [
        { to: 'family', when: ({ state }) => state.plan === 'family', label: 'plan is family' },
        { to: 'student', when: ({ state }) => state.plan === 'student', label: 'plan is student' },
      ],
    },
    family: { next: 'review' },
    student: { next: 'review' },
    review: { final: true },
  },
})

describe('branching', () => {
  test('a fixed next moves to that step', async () => {
    const workflow = createWorkflow(plans)
    await workflow.next({ plan: 'family' })
    await workflow.next()
    expect(workflow.getSnapshot().step).toBe('review')
  })

  test('no matching guard is a NO_CHOICE error that names the guards; the state stays', async () => {
    const workflow = createWorkflow(plans)
    const after = await workflow.next({ plan: 'other' })
    expect(after.error?.code).toBe('NO_CHOICE')
    expect(after.error?.message).toContain("step 'plan' has no guard that holds (plan is family, plan is student)")
    expect(after.step).toBe('plan')
    expect(after.state).toEqual({ plan: '' })
    expect(after.drafts.plan).toEqual({ plan: 'other' })
  })

  test('calling next again after a NO_CHOICE error retries with the new input', async () => {
    const workflow = createWorkflow(plans)
    await workflow.next({ plan: 'other' })
    const after = await workflow.next({ plan: 'student' })
    expect(after.error).toBeNull()
    expect(after.step).toBe('student')
  })

  test('a guarded list may end in a fallback without `when`', async () => {
    const flow = defineWorkflow({
      id: 'fallback',
      initial: 'a',
      state: { vip: false },
      steps: {
        a: { next: [{ to: 'vip', when: ({ state }) => state.vip }, { to: 'normal' }] },
        vip: { final: true },
        normal: { final: true },
      },
    })
    const workflow = createWorkflow(flow)
    expect((await workflow.next({ vip: false })).step).toBe('normal')
  })

  test('a next function returning a step outside its targets is INVALID_TARGET', async () => {
    const flow = defineWorkflow({
      id: 'fn',
      initial: 'a',
      state: {},
      steps: { a: { next: () => 'c' as 'b', targets: ['b'] }, b: { next: 'c' }, c: { final: true } },
    })
    const after = await createWorkflow(flow).next()
    expect(after.error?.code).toBe('INVALID_TARGET')
    expect(after.error?.message).toContain("chose 'c', which is not in its targets (b)")
  })

  test('a next function returning undefined cannot decide: NO_CHOICE', async () => {
    const flow = defineWorkflow({
      id: 'fn',
      initial: 'a',
      state: {},
      steps: { a: { next: () => undefined, targets: ['b'] }, b: { final: true } },
    })
    expect((await createWorkflow(flow).next()).error?.code).toBe('NO_CHOICE')
  })

  test('a guard that throws is GUARD_FAILED with the cause, and the state stays', async () => {
    const boom = new Error('boom')
    const flow = defineWorkflow({
      id: 'g',
      initial: 'a',
      state: { n: 0 },
      steps: {
        a: {
          next: [
            {
              to: 'b',
              when: () => {
                throw boom
              },
            },
          ],
        },
        b: { final: true },
      },
    })
    const after = await createWorkflow(flow).next({ n: 1 })
    expect(after.error?.code).toBe('GUARD_FAILED')
    expect(after.error?.cause).toBe(boom)
    expect(after.state).toEqual({ n: 0 })
  })
})
