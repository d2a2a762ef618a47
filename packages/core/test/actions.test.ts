import { createWorkflow, defineWorkflow } from '@flowkit/core'
import { describe, expect, test } from 'vitest'

describe('actions turn input into state', () => {
  test('patches merge in order, each action seeing the previous ones', async () => {
    const seen: number[] = []
    const flow = defineWorkflow({
      id: 'a',
      initial: 'one',
      state: { n: 1, label: '' },
      steps: {
        one: {
          actions: [
            ({ state }) => ({ n: state.n + 1 }),
            ({ state }) => {
              seen.push(state.n)
              return { n: state.n * 10 }
            },
            ({ state, input }) => ({ label: `${String((input as { name: string }).name)}:${state.n}` }),
          ],
          final: true,
        },
      },
    })
    const after = await createWorkflow(flow).next({ name: 'ada' })
    expect(seen).toEqual([2])
    expect(after.state).toEqual({ n: 20, label: 'ada:20' })
  })

  test('an action may return nothing', async () => {
    let ran = false
    const flow = defineWorkflow({
      id: 'a',
      initial: 'one',
      state: { n: 1 },
      steps: {
        one: {
          actions: [
            () => {
              ran = true
            },
          ],
          final: true,
        },
      },
    })
    expect((await createWorkflow(flow).next()).state).toEqual({ n: 1 })
    expect(ran).toBe(true)
  })

  test('actions get the step id and an abort signal', async () => {
    let ctx: { step: string; signal: AbortSignal } | undefined
    const flow = defineWorkflow({
      id: 'a',
      initial: 'one',
      state: {},
      steps: {
        one: {
          actions: [
            (c) => {
              ctx = c
            },
          ],
          final: true,
        },
      },
    })
    await createWorkflow(flow).next()
    expect(ctx?.step).toBe('one')
    expect(ctx?.signal).toBeInstanceOf(AbortSignal)
  })

  test('the input is never mutated and later changes to it do not reach the state', async () => {
    const flow = defineWorkflow({ id: 'a', initial: 'one', state: {} as { address?: { city: string } }, steps: { one: { final: true } } })
    const input = { address: { city: 'Oslo' } }
    const frozen = structuredClone(input)
    const workflow = createWorkflow(flow)
    await workflow.next(input)
    expect(input).toEqual(frozen)
    input.address.city = 'Bergen'
    expect(workflow.getSnapshot().state.address?.city).toBe('Oslo')
  })

  test('state is immutable between snapshots: each change makes a new state object', async () => {
    const flow = defineWorkflow({ id: 'a', initial: 'one', state: { n: 0 }, steps: { one: { next: 'two' }, two: { final: true } } })
    const workflow = createWorkflow(flow)
    const before = workflow.getSnapshot()
    await workflow.next({ n: 1 })
    expect(before.state).toEqual({ n: 0 })
    expect(workflow.getSnapshot().state).not.toBe(before.state)
    expect(flow.state).toEqual({ n: 0 })
  })

  test('a throwing action leaves the state as it was, sets ACTION_FAILED, and next() retries', async () => {
    let attempts = 0
    const flow = defineWorkflow({
      id: 'a',
      initial: 'pay',
      state: { paid: false },
      steps: {
        pay: {
          actions: [
            () => {
              attempts++
              if (attempts === 1) throw new Error('card declined')
              return { paid: true }
            },
          ],
          next: 'done',
        },
        done: { final: true },
      },
    })
    const workflow = createWorkflow(flow)
    const failed = await workflow.next({ card: '4242' })
    expect(failed.error?.code).toBe('ACTION_FAILED')
    expect(failed.error?.message).toContain("action #1 of step 'pay' failed: card declined")
    expect(failed.state).toEqual({ paid: false })
    expect(failed.step).toBe('pay')
    expect(failed.status).toBe('idle')
    expect(failed.drafts.pay).toEqual({ card: '4242' })
    const retried = await workflow.next({ card: '4242' })
    expect(retried.error).toBeNull()
    expect(retried.state).toEqual({ paid: true })
  })

  test('an action returning something other than an object patch is ACTION_FAILED with the fix', async () => {
    const flow = defineWorkflow({ id: 'a', initial: 'one', state: {}, steps: { one: { actions: [() => 5 as never], final: true } } })
    const after = await createWorkflow(flow).next()
    expect(after.error?.code).toBe('ACTION_FAILED')
    expect(after.error?.message).toContain("action #1 of step 'one' returned number; return an object patch")
  })

  test('a step without actions needs an object input, and says so', async () => {
    const flow = defineWorkflow({ id: 'a', initial: 'one', state: {}, steps: { one: { final: true } } })
    const after = await createWorkflow(flow).next('ada')
    expect(after.error?.code).toBe('INVALID_INPUT')
    expect(after.error?.message).toContain("the input of step 'one' is string, not an object")
  })

  test('onError hears about every failed transition', async () => {
    const codes: string[] = []
    const flow = defineWorkflow({
      id: 'a',
      initial: 'one',
      state: {},
      steps: {
        one: {
          actions: [
            () => {
              throw new Error('x')
            },
          ],
          final: true,
        },
      },
    })
    await createWorkflow(flow, { onError: (e) => codes.push(e.code) }).next()
    expect(codes).toEqual(['ACTION_FAILED'])
  })
})
