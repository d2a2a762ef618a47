import { createWorkflow, defineWorkflow } from '@flowkit/core'
import { describe, expect, test } from 'vitest'

const flow = defineWorkflow({
  id: 'kernel-record',
  initial: 'a',
  state: { n: 0 },
  steps: { a: { next: 'b' }, b: { next: 'c' }, c: { final: true } },
})

const other = defineWorkflow({
  id: 'kernel-other',
  initial: 'x',
  state: { m: 0 },
  steps: { x: { next: 'y' }, y: { final: true } },
})

describe('the state a flow moves from is what its store shows', () => {
  test('a spread copy of an earlier snapshot put in the store by hand is moved from', async () => {
    const workflow = createWorkflow(flow)
    const start = workflow.getSnapshot()
    await workflow.next({ n: 1 })
    workflow.store.setState({ ...start }, true)
    const after = await workflow.next({ n: 2 })
    expect(after.step).toBe('b')
    expect(after.state).toEqual({ n: 2 })
    expect(after.history).toEqual(['a', 'b'])
  })

  test('flows of one definition and of two, moved in turns, keep their own states', async () => {
    const first = createWorkflow(flow)
    const second = createWorkflow(flow)
    const third = createWorkflow(other)
    await first.next({ n: 1 })
    await third.next({ m: 1 })
    await second.next({ n: 2 })
    await first.next({ n: 3 })
    first.reset()
    await third.next({ m: 2 })
    expect([first.getSnapshot().step, first.getSnapshot().state]).toEqual(['a', { n: 0 }])
    expect([second.getSnapshot().step, second.getSnapshot().state]).toEqual(['b', { n: 2 }])
    expect([third.getSnapshot().status, third.getSnapshot().state]).toEqual(['done', { m: 2 }])
    expect(Object.isFrozen(second.getSnapshot().state)).toBe(true)
  })
})
