import { createWorkflow, defineWorkflow } from '@flowkit/core'
import { describe, expect, test } from 'vitest'

/** A promise resolved or rejected by the test, so each step of a race is explicit. */
const deferred = <T = void>() => {
  let resolve!: (value: T) => void
  let reject!: (error: unknown) => void
  const promise = new Promise<T>((res, rej) => {
    resolve = res
    reject = rej
  })
  return { promise, resolve, reject }
}

const flowWith = (action: (ctx: { signal: AbortSignal }) => Promise<{ ok: boolean } | undefined>) =>
  defineWorkflow({
    id: 'async',
    initial: 'a',
    state: { ok: false },
    steps: { a: { actions: [action], next: 'b' }, b: { final: true } },
  })

describe('async work, safely', () => {
  test('status is busy while actions run, then idle on the next step', async () => {
    const gate = deferred()
    const workflow = createWorkflow(
      flowWith(async () => {
        await gate.promise
        return { ok: true }
      }),
    )
    const pending = workflow.next()
    expect(workflow.getSnapshot().status).toBe('busy')
    expect(workflow.getSnapshot().step).toBe('a')
    gate.resolve()
    const after = await pending
    expect(after.status).toBe('idle')
    expect(after.step).toBe('b')
    expect(after.state).toEqual({ ok: true })
  })

  test('a second next() while busy returns the pending transition instead of starting another', async () => {
    const gate = deferred()
    let runs = 0
    const workflow = createWorkflow(
      flowWith(async () => {
        runs++
        await gate.promise
        return { ok: true }
      }),
    )
    const first = workflow.next()
    const second = workflow.next()
    expect(second).toBe(first)
    gate.resolve()
    await first
    expect(runs).toBe(1)
    expect(workflow.getSnapshot().step).toBe('b')
  })

  test.each(['back', 'goTo', 'reset'] as const)('%s() while busy aborts the signal and the late result is ignored', async (method) => {
    const gate = deferred()
    let signal: AbortSignal | undefined
    const workflow = createWorkflow(
      flowWith(async (ctx) => {
        signal = ctx.signal
        await gate.promise
        return { ok: true }
      }),
    )
    const pending = workflow.next()
    if (method === 'goTo') workflow.goTo('a')
    else workflow[method]()
    expect(signal?.aborted).toBe(true)
    expect(workflow.getSnapshot().status).toBe('idle')
    gate.resolve()
    const settled = await pending
    expect(settled.step).toBe('a')
    expect(workflow.getSnapshot().state).toEqual({ ok: false })
    expect(workflow.getSnapshot().step).toBe('a')
  })

  test('a rejecting action leaves the state exactly as before and sets error; next() retries', async () => {
    let fail = true
    const workflow = createWorkflow(
      flowWith(async () => {
        await Promise.resolve()
        if (fail) throw new Error('network down')
        return { ok: true }
      }),
    )
    const before = workflow.getSnapshot().state
    const failed = await workflow.next()
    expect(failed.status).toBe('idle')
    expect(failed.error?.code).toBe('ACTION_FAILED')
    expect(failed.error?.message).toContain('network down')
    expect(failed.state).toBe(before)
    fail = false
    const retried = await workflow.next()
    expect(retried.error).toBeNull()
    expect(retried.step).toBe('b')
  })

  test('a flow of synchronous steps never goes busy', async () => {
    const flow = defineWorkflow({ id: 'sync', initial: 'a', state: {}, steps: { a: { next: 'b' }, b: { final: true } } })
    const workflow = createWorkflow(flow)
    const statuses: string[] = []
    workflow.subscribe((s) => statuses.push(s.status))
    void workflow.next()
    expect(workflow.getSnapshot().step).toBe('b')
    expect(statuses).toEqual(['idle'])
  })

  test('async validation runs before actions', async () => {
    const order: string[] = []
    const schema = {
      '~standard': {
        version: 1 as const,
        vendor: 'test',
        validate: async (value: unknown) => {
          order.push('validate')
          return { value }
        },
      },
    }
    const flow = defineWorkflow({
      id: 'v',
      initial: 'a',
      state: {},
      steps: {
        a: {
          validate: schema,
          actions: [
            () => {
              order.push('action')
            },
          ],
          final: true,
        },
      },
    })
    await createWorkflow(flow).next({})
    expect(order).toEqual(['validate', 'action'])
  })

  test('typing while busy (setDraft) is kept when the transition lands', async () => {
    const gate = deferred()
    const flow = defineWorkflow({
      id: 'drafts',
      initial: 'a',
      state: {},
      steps: { a: { actions: [async () => void (await gate.promise)], next: 'b' }, b: { final: true } },
    })
    const workflow = createWorkflow(flow)
    const pending = workflow.next({ x: 1 })
    workflow.setDraft('b', { typed: 'early' })
    gate.resolve()
    const after = await pending
    expect(after.step).toBe('b')
    expect(after.drafts).toEqual({ a: { x: 1 }, b: { typed: 'early' } })
  })

  test('destroy() aborts a running transition and silences listeners', async () => {
    const gate = deferred()
    let signal: AbortSignal | undefined
    const workflow = createWorkflow(
      flowWith(async (ctx) => {
        signal = ctx.signal
        await gate.promise
        return { ok: true }
      }),
    )
    let calls = 0
    workflow.subscribe(() => calls++)
    void workflow.next()
    const before = calls
    workflow.destroy()
    expect(signal?.aborted).toBe(true)
    gate.resolve()
    await Promise.resolve()
    workflow.back()
    expect(calls).toBe(before)
  })

  test('run() called again while one runs (two quick presses of the browser forward button) goes on after it, each step with its own input', async () => {
    const steps = defineWorkflow({
      id: 'steps',
      initial: 'a',
      state: {} as Record<string, number>,
      steps: {
        a: { actions: [async ({ input }) => input as Record<string, number>], next: 'b' },
        b: { next: 'c' },
        c: { next: 'd' },
        d: { final: true },
      },
    })
    const inputs = { a: { a: 1 }, b: { b: 2 }, c: { c: 3 }, d: { d: 4 } }
    const flow = createWorkflow(steps)
    const [first, second] = await Promise.all([flow.run(inputs, { until: 'c' }), flow.run(inputs, { until: 'd' })])
    expect([first.step, second.step, second.status, second.state]).toEqual(['c', 'd', 'idle', { a: 1, b: 2, c: 3 }])
    expect(second.drafts).toEqual({ a: { a: 1 }, b: { b: 2 }, c: { c: 3 } })
    // A forward goTo going through the async step, then a run: the run starts where the walk stops.
    flow.goTo('a')
    flow.setDraft('a', { a: 5 })
    const walking = flow.goTo('c')
    expect(walking.status).toBe('busy')
    const ran = await flow.run(flow.getSnapshot().drafts, { until: 'd' })
    expect([ran.step, ran.status, ran.state]).toEqual(['d', 'idle', { a: 5, b: 2, c: 3 }])
  })
})
