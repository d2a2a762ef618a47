import { createWorkflow, defineWorkflow, settled, userMessage, type WorkflowDefinition, WorkflowError } from '@flowkit/core'
import { describe, expect, test } from 'vitest'
import { z } from 'zod'

const linear = defineWorkflow({
  id: 'linear',
  initial: 'a',
  state: {} as Record<string, number>,
  steps: { a: { next: 'b' }, b: { next: 'c' }, c: { next: 'd' }, d: { final: true } },
})

const walk = async (steps: number) => {
  const workflow = createWorkflow(linear)
  for (let i = 0; i < steps; i++) await workflow.next({ [`v${i}`]: i })
  return workflow
}

describe('history is a stack', () => {
  test('history lists the visited steps ending with the current one', async () => {
    expect((await walk(2)).getSnapshot().history).toEqual(['a', 'b', 'c'])
  })

  test('back() pops one step', async () => {
    const workflow = await walk(2)
    expect(workflow.back().history).toEqual(['a', 'b'])
    expect(workflow.getSnapshot().state).toEqual({ v0: 0 })
  })

  test('back() at the first step changes nothing', () => {
    const workflow = createWorkflow(linear)
    const before = workflow.getSnapshot()
    expect(workflow.back().step).toBe('a')
    expect(workflow.getSnapshot().state).toBe(before.state)
  })

  test('goTo returns to a visited step and drops what came after it', async () => {
    const workflow = await walk(3)
    const after = workflow.goTo('b')
    expect(after.step).toBe('b')
    expect(after.history).toEqual(['a', 'b'])
    expect(after.state).toEqual({ v0: 0 })
    expect(after.drafts).toMatchObject({ b: { v1: 1 }, c: { v2: 2 } })
  })

  test('goTo the current step changes nothing', async () => {
    const workflow = await walk(1)
    expect(workflow.goTo('b').history).toEqual(['a', 'b'])
  })

  test('goTo a step further on replays the answers in between; it stops on the first one to answer, as next() would leave it', async () => {
    const workflow = await walk(3)
    workflow.goTo('a')
    expect(workflow.goTo('c').history).toEqual(['a', 'b', 'c'])
    expect(workflow.getSnapshot().state).toEqual({ v0: 0, v1: 1 })
    const fresh = createWorkflow(
      defineWorkflow({
        id: 'ask',
        initial: 'a',
        state: {},
        steps: { a: { next: 'b' }, b: { validate: z.object({ n: z.number() }), next: 'c' }, c: { final: true } },
      }),
    )
    await fresh.next()
    fresh.goTo('a')
    // No answer yet: the user answers it there, with nothing to apologise for.
    const stopped = fresh.goTo('c')
    expect([stopped.step, stopped.error, stopped.issues]).toEqual(['b', null, {}])
    fresh.setDraft('b', { n: 'x' })
    fresh.goTo('a')
    // An answer that no longer validates: its issues, exactly as a Continue there would show them.
    const invalid = fresh.goTo('c')
    expect([invalid.step, invalid.error, Object.keys(invalid.issues)]).toEqual(['b', null, ['n']])
    expect(invalid.drafts.b).toEqual({ n: 'x' })
    fresh.setDraft('b', { n: 1 })
    expect(fresh.goTo('c').step).toBe('c')
  })

  test("a step that fails on the way forward stops it with its own error (the action's words for the user's message)", async () => {
    const flow = createWorkflow(
      defineWorkflow({
        id: 'fails',
        initial: 'a',
        state: {},
        steps: {
          a: { next: 'b' },
          b: {
            actions: [
              ({ input }) => {
                if ((input as { ok?: boolean } | undefined)?.ok !== true) throw new Error('the card was declined')
              },
            ],
            next: 'c',
          },
          c: { final: true },
        },
      }),
    )
    await flow.next()
    await flow.next({ ok: true })
    flow.goTo('a')
    flow.setDraft('b', { ok: false })
    const stopped = flow.goTo('c')
    expect([stopped.step, stopped.error?.code]).toEqual(['b', 'ACTION_FAILED'])
    expect(userMessage(stopped.error)).toBe('the card was declined')
  })

  test('goTo forward is FORWARD_BLOCKED only when the answers given cannot reach the target: they lead to the end', async () => {
    const flow = createWorkflow(
      defineWorkflow({
        id: 'branch',
        initial: 'kind',
        state: {} as { kind?: string },
        steps: {
          kind: {
            validate: z.object({ kind: z.enum(['short', 'long']) }),
            actions: [({ input }) => ({ kind: input.kind })],
            next: [{ to: 'extra', when: ({ state }) => state.kind === 'long' }, { to: 'end' }],
          },
          extra: { next: 'end' },
          end: { final: true },
        },
      }),
    )
    flow.setDraft('kind', { kind: 'short' })
    const blocked = flow.goTo('extra')
    expect([blocked.step, blocked.error?.code, blocked.error?.details]).toEqual(['end', 'FORWARD_BLOCKED', { target: 'extra' }])
    expect(blocked.error?.message).toBe("goTo('extra') stopped at 'end': the answers lead to the end of the flow without passing 'extra'.")
    expect(blocked.status).toBe('idle')
  })

  test('goTo forward ends where the user went when they move during an async step on the way', async () => {
    let release: () => void = () => {}
    const flow = createWorkflow(
      defineWorkflow({
        id: 'slow',
        initial: 'a',
        state: {},
        steps: {
          a: { next: 'b' },
          b: { actions: [({ input }) => (input === 'slow' ? new Promise<void>((resolve) => (release = resolve)) : undefined)], next: 'c' },
          c: { next: 'd' },
          d: { final: true },
        },
      }),
    )
    await flow.next()
    await flow.next('fast')
    await flow.next()
    flow.goTo('a')
    flow.setDraft('b', 'slow')
    expect(flow.goTo('d').status).toBe('busy')
    expect(flow.back().step).toBe('a')
    release()
    await new Promise((resolve) => setTimeout(resolve, 10))
    expect([flow.getSnapshot().step, flow.getSnapshot().status]).toEqual(['a', 'idle'])
  })

  test.each(['back', 'reset'] as const)(
    'goTo forward cancelled by %s() stays cancelled when a new answer puts the flow on the same frames',
    async (move) => {
      const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
      let delay = 0
      const flow = createWorkflow(
        defineWorkflow({
          id: 'revive',
          initial: 'a',
          state: {} as { a?: string },
          steps: {
            a: {
              actions: [
                async ({ input }) => {
                  await sleep(delay)
                  return { a: String(input) }
                },
              ],
              next: 'b',
            },
            b: { next: 'c' },
            c: { final: true },
          },
        }),
      )
      await flow.run({ a: 'x' }, { until: 'c' })
      flow.goTo('a')
      flow.setDraft('a', 'y')
      delay = 40
      expect(flow.goTo('c').status).toBe('busy')
      // Back on the first step (or a reset) cancels the walk there; the user answers it anew, and is on b.
      expect(flow[move]().step).toBe('a')
      delay = 1
      await flow.next('z')
      expect(flow.getSnapshot().step).toBe('b')
      // The cancelled walk's slow action ends now: the user stays where they went, not driven on to c.
      await sleep(80)
      expect([flow.getSnapshot().step, flow.getSnapshot().status, flow.getSnapshot().state]).toEqual(['b', 'idle', { a: 'z' }])
    },
  )

  test('destroy() during async work leaves the instance idle where it was, and settled() resolves', async () => {
    const flow = createWorkflow(
      defineWorkflow({
        id: 'unmounted',
        initial: 'a',
        state: {},
        steps: { a: { actions: [() => new Promise<void>(() => {})], next: 'b' }, b: { final: true } },
      }),
    )
    void flow.next()
    const waiting = settled(flow)
    expect(flow.getSnapshot().status).toBe('busy')
    flow.destroy()
    expect(await waiting).toMatchObject({ step: 'a', status: 'idle' })
    // Mounted again (a StrictMode remount keeps the instance): the step can be submitted again.
    expect(flow.getSnapshot().status).toBe('idle')
  })

  test('goTo forward through async steps is busy until it stops, and settled() resolves where it stopped', async () => {
    const later = <T>(value: T) => new Promise<T>((resolve) => setTimeout(() => resolve(value), 5))
    const flow = createWorkflow(
      defineWorkflow({
        id: 'two-async',
        initial: 'a',
        state: {} as { b?: string; c?: string },
        steps: {
          a: { next: 'b' },
          b: { actions: [({ input }) => later({ b: String(input) })], next: 'c' },
          c: { actions: [({ input }) => later({ c: String(input) })], next: 'd' },
          d: { final: true },
        },
      }),
    )
    await flow.next()
    await flow.next('one')
    await flow.next('two')
    flow.goTo('a')
    flow.setDraft('b', 'changed')
    const seen: string[] = []
    flow.subscribe((s) => seen.push(`${s.step}:${s.status}`))
    const moved = flow.goTo('d')
    expect(moved.status).toBe('busy')
    const stopped = await settled(flow, moved)
    expect([stopped.step, stopped.status, stopped.state]).toEqual(['d', 'idle', { b: 'changed', c: 'two' }])
    // Never idle between the two async steps: a button bound to `busy` stays disabled for the whole walk
    // (the sync step before them commits within the goTo call itself).
    expect(seen).toEqual(['b:idle', 'b:busy', 'c:busy', 'c:busy', 'd:busy', 'd:idle'])
    expect(await settled(flow)).toBe(flow.getSnapshot())
  })

  test('settled() ends where the user went when they go back during the wait', async () => {
    let release: () => void = () => {}
    const flow = createWorkflow(
      defineWorkflow({
        id: 'slow-next',
        initial: 'a',
        state: {},
        steps: {
          a: { next: 'b' },
          b: { actions: [() => new Promise<void>((resolve) => (release = resolve))], next: 'c' },
          c: { final: true },
        },
      }),
    )
    await flow.next()
    void flow.next()
    const waiting = settled(flow, flow.getSnapshot())
    expect(flow.getSnapshot().status).toBe('busy')
    flow.back()
    expect((await waiting).step).toBe('a')
    release()
  })

  test('goTo(step, { forward: true }) goes on through the answers to a step visited before, rather than back to that visit', async () => {
    const loop = defineWorkflow({
      id: 'again',
      initial: 'a',
      state: { rounds: 0 },
      steps: {
        a: { actions: [({ state }) => ({ rounds: state.rounds + 1 })], next: 'b' },
        b: { next: [{ to: 'a', when: ({ state }) => state.rounds < 2 }, { to: 'c' }] },
        c: { final: true },
      },
    })
    const flow = createWorkflow(loop)
    await flow.next('first')
    await flow.next()
    expect(flow.getSnapshot().history).toEqual(['a', 'b', 'a'])
    const ahead = flow.goTo('b', { forward: true })
    expect([ahead.step, ahead.history, ahead.state]).toEqual(['b', ['a', 'b', 'a', 'b'], { rounds: 2 }])
    // Without it, goTo goes back to the visit of 'b' on the path.
    flow.back()
    expect(flow.goTo('b').history).toEqual(['a', 'b'])
  })

  test('goTo(step, { forward: true }) to a step that cannot follow is NOT_VISITED, says so, and changes nothing', async () => {
    const flow = await walk(2)
    const before = flow.getSnapshot()
    expect(() => flow.goTo('a', { forward: true })).toThrow(
      "goTo('a', { forward: true }): step 'a' cannot follow step 'c'; without { forward: true }, goTo goes back to a step on the path taken so far.",
    )
    expect(flow.getSnapshot()).toBe(before)
    expect(flow.goTo('c', { forward: true }).history).toEqual(['a', 'b', 'c'])
  })

  test('goTo a step that cannot follow the current one is NOT_VISITED and changes nothing', async () => {
    const workflow = createWorkflow(
      defineWorkflow({
        id: 'fork',
        initial: 'a',
        state: { left: true },
        steps: {
          a: { next: [{ to: 'b', when: ({ state }) => state.left }, { to: 'c' }] },
          b: { next: 'd' },
          c: { next: 'd' },
          d: { final: true },
        },
      }),
    )
    await workflow.next()
    const before = workflow.getSnapshot()
    let error: unknown
    try {
      workflow.goTo('c')
    } catch (e) {
      error = e
    }
    expect(error).toBeInstanceOf(WorkflowError)
    expect((error as WorkflowError).code).toBe('NOT_VISITED')
    expect((error as WorkflowError).message).toContain("goTo('c'): step 'c' is not on the path taken so far (a, b)")
    expect(workflow.getSnapshot()).toBe(before)
  })

  test('goTo an unknown step is UNKNOWN_STEP with a suggestion', async () => {
    const workflow = await walk(1)
    expect(() => workflow.goTo('bb' as 'b')).toThrow("goTo('bb'): there is no such step; defined steps: a, b, c, d. Did you mean 'b'?")
  })

  test('after the final step, the flow is done; back() reopens the final step', async () => {
    const workflow = await walk(4)
    expect(workflow.getSnapshot().status).toBe('done')
    expect(workflow.getSnapshot().history).toEqual(['a', 'b', 'c', 'd'])
    const reopened = workflow.back()
    expect(reopened.status).toBe('idle')
    expect(reopened.step).toBe('d')
    expect(reopened.state).toEqual({ v0: 0, v1: 1, v2: 2 })
  })

  test('next() on a finished flow throws WORKFLOW_DONE saying what to call instead', async () => {
    const workflow = await walk(4)
    expect(() => workflow.next()).toThrow(/is done.*call back\(\) to reopen the final step or reset\(\) to start over/)
  })

  test('reset() starts over with no state, drafts or history', async () => {
    const workflow = await walk(3)
    const fresh = workflow.reset()
    expect(fresh.step).toBe('a')
    expect(fresh.history).toEqual(['a'])
    expect(fresh.state).toEqual({})
    expect(fresh.drafts).toEqual({})
  })

  test('a loop in the flow (add another item) keeps every visit on the stack', async () => {
    const flow = defineWorkflow({
      id: 'loop',
      initial: 'item',
      state: { items: [] as string[], more: false },
      steps: {
        item: {
          actions: [
            ({ state, input }) => ({ items: [...state.items, (input as { name: string }).name], more: (input as { more: boolean }).more }),
          ],
          next: [{ to: 'item', when: ({ state }) => state.more }, { to: 'done' }],
        },
        done: { final: true },
      },
    })
    const workflow = createWorkflow(flow)
    await workflow.next({ name: 'a', more: true })
    await workflow.next({ name: 'b', more: true })
    expect(workflow.getSnapshot().history).toEqual(['item', 'item', 'item'])
    expect(workflow.back().state.items).toEqual(['a'])
    await workflow.next({ name: 'c', more: false })
    expect(workflow.getSnapshot().state.items).toEqual(['a', 'c'])
    expect(workflow.getSnapshot().step).toBe('done')
  })
})

describe('returning to a check-answers page', () => {
  const flow = defineWorkflow({
    id: 'change',
    initial: 'address',
    state: {} as { city?: string; method?: string; card?: string },
    steps: {
      address: { next: 'delivery' },
      delivery: { next: 'payment' },
      payment: { next: 'review' },
      review: { final: true },
    },
  })

  test('run(drafts, { until }) completes the steps in between again with what the user entered', async () => {
    const workflow = createWorkflow(flow)
    await workflow.run({ address: { city: 'Oslo' }, delivery: { method: 'post' }, payment: { card: 'visa' } }, { until: 'review' })
    expect(workflow.getSnapshot().step).toBe('review')
    workflow.goTo('address')
    await workflow.next({ city: 'Bergen' })
    const back = await workflow.run(workflow.getSnapshot().drafts, { until: 'review' })
    expect(back.step).toBe('review')
    expect(back.status).toBe('idle')
    expect(back.state).toEqual({ city: 'Bergen', method: 'post', card: 'visa' })
    expect(back.history).toEqual(['address', 'delivery', 'payment', 'review'])
  })
})

describe('run towards a step, at most so far', () => {
  test('run(drafts, { until, maxSteps }) stops quietly after maxSteps when until is not reached', async () => {
    const flow = defineWorkflow({
      id: 'bounded',
      initial: 'a',
      state: {},
      steps: { a: { next: 'b' }, b: { next: 'c' }, c: { next: 'd' }, d: { final: true } },
    })
    const workflow = createWorkflow(flow)
    const after = await workflow.run({}, { until: 'd', maxSteps: 2 })
    expect(after.step).toBe('c')
    expect(after.error).toBeNull()
    const unbounded = await createWorkflow(flow).run({}, { maxSteps: 2 })
    expect(unbounded.error?.code).toBe('RUN_LIMIT')
  })
})

describe('history on a long path', () => {
  // Long enough that `history` is the O(1) view, not a copy made on every move.
  const n = 300
  const steps: Record<string, { next?: string; final?: true }> = {}
  for (let i = 0; i < n; i++) steps[`s${i}`] = i === n - 1 ? { final: true } : { next: `s${i + 1}` }
  const long = defineWorkflow({ id: 'long', initial: 's0', state: {} as Record<string, number>, steps })
  const expected = (count: number) => Array.from({ length: count }, (_, i) => `s${i}`)

  test('reads like a frozen array of the visited steps', async () => {
    const workflow = createWorkflow(long)
    for (let i = 0; i < 200; i++) await workflow.next({ [`v${i}`]: i })
    const { history } = workflow.getSnapshot()
    expect(history.length).toBe(201)
    expect(history[200]).toBe('s200')
    expect(history[201]).toBeUndefined()
    expect(Array.isArray(history)).toBe(true)
    expect(history).toEqual(expected(201))
    expect([...history]).toEqual(expected(201))
    expect(history.includes('s150')).toBe(true)
    expect(history.at(-1)).toBe('s200')
    expect(JSON.parse(JSON.stringify(history))).toEqual(expected(201))
    expect(Object.keys(history)).toHaveLength(201)
    expect(Object.isFrozen(history)).toBe(true)
    const json = (workflow.getSnapshot() as unknown as { toJSON(): object }).toJSON()
    expect(structuredClone(json)).toMatchObject({ history: expected(201) })
  })

  test('refuses writes, before and after it is copied', async () => {
    const workflow = createWorkflow(long)
    for (let i = 0; i < 100; i++) await workflow.next({})
    const fresh = workflow.getSnapshot().history as string[]
    expect(() => {
      fresh[0] = 'x'
    }).toThrow(TypeError)
    expect(() => fresh.push('x')).toThrow(TypeError)
    expect(() => Object.defineProperty(fresh, 'length', { value: 0 })).toThrow(TypeError)
    expect(fresh.length).toBe(101)
    expect(fresh[0]).toBe('s0')
  })

  test("an earlier snapshot's history never changes when the path moves on or forks", async () => {
    const steps: Record<string, object> = { end: { final: true } }
    for (let i = 0; i < 100; i++) steps[`s${i}`] = { next: `s${i + 1}` }
    steps.s100 = { next: [{ to: 'left0', when: ({ state }: { state: { left: boolean } }) => state.left }, { to: 'right0' }] }
    for (const side of ['left', 'right']) for (let i = 0; i < 50; i++) steps[`${side}${i}`] = { next: i === 49 ? 'end' : `${side}${i + 1}` }
    const fork = defineWorkflow({ id: 'fork', initial: 's0', state: { left: true }, steps } as never) as WorkflowDefinition<{
      left: boolean
    }>
    const workflow = createWorkflow(fork)
    for (let i = 0; i < 120; i++) await workflow.next({})
    const before = workflow.getSnapshot()
    expect(before.step).toBe('left19')
    for (let i = 0; i < 30; i++) workflow.back()
    await workflow.next({ left: false })
    for (let i = 0; i < 40; i++) await workflow.next({})
    const after = workflow.getSnapshot()
    expect(after.history.at(-1)).toBe('right30')
    expect(before.history.length).toBe(121)
    expect(before.history[120]).toBe('left19')
    expect(before.history).toEqual([...expected(101), ...Array.from({ length: 20 }, (_, i) => `left${i}`)])
    expect(after.history).toEqual([...expected(101), ...Array.from({ length: 31 }, (_, i) => `right${i}`)])
  })
})
