import { checkDefinition, composeWorkflow, createWorkflow, defineWorkflow } from '@flowkit/core'
import { describe, expect, test } from 'vitest'

const flow = defineWorkflow({
  id: 'hostile',
  initial: 'form',
  state: { name: '' } as Record<string, unknown>,
  steps: { form: { next: 'done' }, done: { final: true } },
})

const polluted = () => ({}) as Record<string, unknown>

describe('hostile input', () => {
  test.each([
    ['__proto__', '{"__proto__": {"isAdmin": true}, "name": "eve"}'],
    ['constructor', '{"constructor": {"prototype": {"isAdmin": true}}, "name": "eve"}'],
    ['prototype', '{"prototype": {"isAdmin": true}, "name": "eve"}'],
    ['nested __proto__', '{"profile": {"__proto__": {"isAdmin": true}}, "name": "eve"}'],
  ])('a %s key in input pollutes nothing and is dropped', async (_, json) => {
    const workflow = createWorkflow(flow)
    const after = await workflow.next(JSON.parse(json))
    expect(polluted().isAdmin).toBeUndefined()
    expect(after.state.name).toBe('eve')
    expect(Object.hasOwn(after.state, '__proto__')).toBe(false)
    expect(Object.hasOwn(after.state, 'constructor')).toBe(false)
    expect(Object.hasOwn(after.state, 'prototype')).toBe(false)
    expect(Object.getPrototypeOf(after.state)).toBe(Object.prototype)
    if (after.state.profile) expect(Object.getPrototypeOf(after.state.profile)).toBe(Object.prototype)
  })

  test('a __proto__ key in an action patch pollutes nothing', async () => {
    const sneaky = defineWorkflow({
      id: 'sneaky',
      initial: 'a',
      state: {} as Record<string, unknown>,
      steps: { a: { actions: [() => JSON.parse('{"__proto__": {"isAdmin": true}, "ok": 1}')], final: true } },
    })
    const after = await createWorkflow(sneaky).next()
    expect(after.state).toEqual({ ok: 1 })
    expect(polluted().isAdmin).toBeUndefined()
  })

  test("a step named '__proto__' (from a JSON flow file) is refused with a clear error, flat or composed", () => {
    const steps = JSON.parse('{"start": {"next": "__proto__"}, "__proto__": {"next": "end"}, "end": {"final": true}}')
    const problems = checkDefinition({ id: 'file', initial: 'start', state: {}, steps })
    expect(problems.map((p) => [p.code, p.path])).toEqual([['INVALID_DEFINITION', ['steps', '__proto__']]])
    expect(problems[0]?.message).toMatch(/rename it/)
    const child = defineWorkflow({ id: 'child', initial: 'x', state: {}, steps: { x: { final: true } } })
    expect(() =>
      // As a loaded file gives it: its step names are not known to the types.
      (composeWorkflow as (config: unknown) => unknown)({
        id: 'file',
        initial: 'start',
        state: {},
        steps: { ...steps, sub: { flow: child, next: 'end' } },
      }),
    ).toThrow(/cannot be named '__proto__'/)
  })

  test('a cyclic input is a clear INVALID_INPUT error, not a hang, and the state stays', async () => {
    const workflow = createWorkflow(flow)
    const cyclic: Record<string, unknown> = { name: 'loop' }
    cyclic.self = cyclic
    const after = await workflow.next(cyclic)
    expect(after.error?.code).toBe('INVALID_INPUT')
    expect(after.error?.message).toContain("the input of step 'form' contains a cycle")
    expect(after.state).toEqual({ name: '' })
    expect(after.step).toBe('form')
  })

  test('a huge input is refused with a clear error instead of being copied for seconds', async () => {
    const workflow = createWorkflow(flow)
    const after = await workflow.next({ rows: Array.from({ length: 200_000 }, (_, i) => i) })
    expect(after.error?.code).toBe('INVALID_INPUT')
    expect(after.error?.message).toContain('has more than 100000 values; send only the fields of this step')
    expect(after.state).toEqual({ name: '' })
  })

  test('a deeply nested input is refused', async () => {
    let deep: Record<string, unknown> = {}
    for (let i = 0; i < 1000; i++) deep = { deep }
    const after = await createWorkflow(flow).next(deep)
    expect(after.error?.message).toContain('nested more than 64 levels deep')
  })

  test('a cycle that starts deep inside the input is still named a cycle', async () => {
    const loop: Record<string, unknown> = { name: 'loop' }
    loop.again = { back: loop }
    let outer: Record<string, unknown> = { loop }
    for (let i = 0; i < 20; i++) outer = { outer }
    const after = await createWorkflow(flow).next(outer)
    expect(after.error?.code).toBe('INVALID_INPUT')
    expect(after.error?.message).toContain('contains a cycle')
  })

  test('a cycle reached twice from each object (it branches) is named a cycle, not too many values', async () => {
    const loop: Record<string, unknown> = { name: 'loop', count: 1 }
    loop.left = loop
    loop.right = loop
    const after = await createWorkflow(flow).next(loop)
    expect(after.error?.code).toBe('INVALID_INPUT')
    expect(after.error?.message).toContain('contains a cycle')
    expect(after.state).toEqual({ name: '' })
  })

  test('what Object.prototype was given (a polluted prototype) is not copied from an input', async () => {
    const proto = Object.prototype as Record<string, unknown>
    proto.injected = true
    try {
      const after = await createWorkflow(flow).next({ name: 'eve' })
      expect(Object.keys(after.state)).toEqual(['name'])
      expect(Object.hasOwn(after.state, 'injected')).toBe(false)
    } finally {
      delete proto.injected
    }
  })

  test('a cyclic draft is refused at setDraft, and drafts stay', () => {
    const workflow = createWorkflow(flow)
    const cyclic: Record<string, unknown> = {}
    cyclic.self = cyclic
    expect(() => workflow.setDraft('form', cyclic)).toThrow('contains a cycle')
    expect(workflow.getSnapshot().drafts).toEqual({})
  })

  test('shared references (not cycles) are fine', async () => {
    const shared = { city: 'Oslo' }
    const after = await createWorkflow(flow).next({ home: shared, work: shared })
    expect(after.state.home).toEqual({ city: 'Oslo' })
    expect(after.state.work).toEqual({ city: 'Oslo' })
  })

  test('a huge unknown step name gets UNKNOWN_STEP at once: suggestions give up on long names', () => {
    const workflow = createWorkflow(flow)
    expect(() => workflow.goTo('x'.repeat(1_000_000) as 'form')).toThrow(/there is no such step; defined steps: form, done\.$/)
  })

  test.each([
    ['a Date', { when: new Date(0) }, /a Date, which comes back from storage as a string; send date.toISOString\(\)/],
    ['a BigInt', { amount: 10n }, /a BigInt, which JSON cannot hold; send it as a string/],
    ['a Map', { items: new Map([['a', 1]]) }, /a Map, which JSON cannot hold/],
    ['a Set', { tags: new Set(['a']) }, /a Set, which JSON cannot hold/],
    ['a function', { onDone: () => {} }, /a function, which cannot be stored/],
    ['a class instance', { file: new (class Upload {})() }, /a Upload, which does not survive JSON/],
    ['NaN', { n: Number.NaN }, /NaN, which JSON cannot hold; send a finite number or null/],
  ])(
    'an input holding %s is refused with INVALID_INPUT naming the field and what to send, and the state stays',
    async (_, input, message) => {
      const workflow = createWorkflow(flow)
      const before = workflow.getSnapshot()
      const after = await workflow.next(input)
      expect(after.error?.code).toBe('INVALID_INPUT')
      expect(after.error?.message).toMatch(message)
      expect(after.error?.message).toContain(`at '${Object.keys(input)[0]}'`)
      expect(after.step).toBe(before.step)
      expect(after.state).toBe(before.state)
    },
  )

  test('a draft whose getter throws is refused with INVALID_INPUT, not a raw error', () => {
    const workflow = createWorkflow(flow)
    const draft = Object.defineProperty({}, 'name', {
      enumerable: true,
      get: () => {
        throw new Error('boom')
      },
    })
    expect(() => workflow.setDraft('form', draft)).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }))
  })
})

describe('a large initial state', () => {
  test("the definition's own state may hold more than an input's limit of values, and is frozen", () => {
    const state = Object.fromEntries(Array.from({ length: 150_000 }, (_, i) => [`k${i}`, i]))
    const big = defineWorkflow({ id: 'big', initial: 'a', state, steps: { a: { next: 'b' }, b: { final: true } } })
    const snapshot = createWorkflow(big).getSnapshot()
    expect(Object.keys(snapshot.state)).toHaveLength(150_000)
    expect(Object.isFrozen(snapshot.state)).toBe(true)
  })
})
