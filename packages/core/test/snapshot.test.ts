import {
  createWorkflow,
  defineWorkflow,
  getPersistedSnapshot,
  type PersistedSnapshot,
  resumeWorkflow,
  type WorkflowError,
} from '@flowkit/core'
import { describe, expect, test } from 'vitest'

const checkout = defineWorkflow({
  id: 'checkout',
  version: 2,
  initial: 'cart',
  state: { items: 0, digital: false, card: undefined as { number: string; name: string } | undefined },
  steps: {
    cart: { next: 'shipping' },
    shipping: { skip: ({ state }) => state.digital, next: 'payment' },
    payment: { actions: [({ input }) => ({ card: (input as { card: { number: string; name: string } }).card })], next: 'review' },
    review: { final: true },
  },
})

const midway = async () => {
  const workflow = createWorkflow(checkout, { now: () => 5000 })
  await workflow.next({ items: 2, digital: true })
  await workflow.next({ card: { number: '4242424242424242', name: 'Ada' } })
  workflow.setDraft('review', { note: 'leave at door' })
  return workflow
}

const resume = (snapshot: unknown, options: Parameters<typeof createWorkflow>[1] = {}) => {
  const errors: WorkflowError[] = []
  const workflow = resumeWorkflow(checkout, snapshot, { ...options, onError: (e) => errors.push(e) })
  return { workflow, errors }
}

describe('persisted snapshots and resume', () => {
  test('resuming the old way (the `snapshot` option, the method) is refused with the new call to make, not started afresh', async () => {
    const saved = getPersistedSnapshot(await midway())
    expect(() => createWorkflow(checkout, { snapshot: saved } as never)).toThrow(
      expect.objectContaining({
        code: 'INVALID_OPTION',
        message: expect.stringContaining('resumeWorkflow(definition, snapshot, options)'),
      }),
    )
    const workflow = createWorkflow(checkout) as unknown as { getPersistedSnapshot(): unknown }
    expect(() => workflow.getPersistedSnapshot()).toThrow(
      expect.objectContaining({ message: expect.stringContaining('getPersistedSnapshot(workflow') }),
    )
    expect(Object.keys(workflow)).not.toContain('getPersistedSnapshot')
    expect(() => getPersistedSnapshot({} as never)).toThrow(expect.objectContaining({ code: 'INVALID_OPTION' }))
  })

  test('getPersistedSnapshot saves at the workflow’s own clock, and a resumed workflow saves what it resumed', async () => {
    const saved = getPersistedSnapshot(await midway())
    const resumed = resumeWorkflow(checkout, JSON.parse(JSON.stringify(saved)), { now: () => 9000 })
    expect(getPersistedSnapshot(resumed)).toEqual({ ...saved, savedAt: 9000 })
  })

  test('a persisted snapshot is JSON-safe and names the definition, version, path, contributions and drafts', async () => {
    const persisted = getPersistedSnapshot(await midway())
    expect(JSON.parse(JSON.stringify(persisted))).toEqual(persisted)
    expect(persisted).toMatchObject({
      workflow: 'checkout',
      version: 2,
      step: 'review',
      done: false,
      path: [
        { step: 'cart', input: { items: 2, digital: true }, patch: { items: 2, digital: true } },
        {
          step: 'payment',
          input: { card: { number: '4242424242424242', name: 'Ada' } },
          patch: { card: { number: '4242424242424242', name: 'Ada' } },
        },
      ],
      drafts: { review: { note: 'leave at door' } },
      savedAt: 5000,
    })
  })

  test('resumeWorkflow(def, snapshot) resumes exactly, through JSON, without running actions again', async () => {
    const original = await midway()
    const { workflow, errors } = resume(JSON.parse(JSON.stringify(getPersistedSnapshot(original))))
    const a = original.getSnapshot()
    const b = workflow.getSnapshot()
    expect(errors).toEqual([])
    expect(b.step).toBe(a.step)
    expect(b.state).toEqual(a.state)
    expect(b.history).toEqual(a.history)
    expect(b.skipped).toEqual(a.skipped)
    expect(b.progress).toEqual(a.progress)
    expect(b.drafts).toEqual(a.drafts)
    expect(b.log).toEqual(a.log)
    workflow.back()
    expect(workflow.getSnapshot().step).toBe('payment')
  })

  test('fields can be excluded from what is stored (card numbers)', async () => {
    const persisted = getPersistedSnapshot(await midway(), { exclude: ['card.number'] })
    expect(JSON.stringify(persisted)).not.toContain('4242')
    const { workflow } = resume(persisted)
    expect(workflow.getSnapshot().state.card).toEqual({ name: 'Ada' })
  })

  test('a snapshot of another workflow is refused: onError says why, the flow starts fresh', async () => {
    const persisted = { ...getPersistedSnapshot(await midway()), workflow: 'signup' }
    const { workflow, errors } = resume(persisted)
    expect(workflow.getSnapshot().step).toBe('cart')
    expect(errors[0]?.code).toBe('SNAPSHOT_MISMATCH')
    expect(errors[0]?.message).toContain("belongs to workflow 'signup', not 'checkout'")
  })

  test('a snapshot of another version goes through migrate', async () => {
    const old = { ...getPersistedSnapshot(await midway()), version: 1 }
    const seen: unknown[] = []
    const { workflow, errors } = resume(old, {
      migrate: (snapshot, from) => {
        seen.push(from)
        return { ...snapshot, version: 2 }
      },
    })
    expect(seen).toEqual([1])
    expect(errors).toEqual([])
    expect(workflow.getSnapshot().step).toBe('review')
  })

  test('another version without migrate is refused with the fix', async () => {
    const { errors, workflow } = resume({ ...getPersistedSnapshot(await midway()), version: 1 })
    expect(errors[0]?.message).toContain('pass a `migrate` option')
    expect(workflow.getSnapshot().step).toBe('cart')
  })

  test('a migrate that throws is reported, not thrown', async () => {
    const { errors } = resume(
      { ...getPersistedSnapshot(await midway()), version: 1 },
      {
        migrate: () => {
          throw new Error('cannot convert')
        },
      },
    )
    expect(errors[0]?.code).toBe('INVALID_SNAPSHOT')
    expect(errors[0]?.message).toContain('cannot convert')
  })

  test('a snapshot whose path does not replay (altered, or an old definition) is refused', async () => {
    const persisted = getPersistedSnapshot(await midway())
    const tampered: PersistedSnapshot = { ...persisted, path: [persisted.path[0]!, { step: 'shipping', input: {}, patch: {} }] }
    const { errors, workflow } = resume(tampered)
    expect(errors[0]?.code).toBe('REQUIRED_STEP_SKIPPED')
    expect(errors[0]?.category).toBe('snapshot')
    expect(errors[0]?.message).toContain("the path skips required step 'payment' (it completes 'shipping' instead)")
    expect(errors[0]?.message).toContain('bump its `version` and pass `migrate(snapshot, fromVersion)`')
    expect(workflow.getSnapshot().step).toBe('cart')
  })

  test('a snapshot claiming another current step than its path leads to is refused', async () => {
    const { errors } = resume({ ...getPersistedSnapshot(await midway()), step: 'payment' })
    expect(errors[0]?.code).toBe('STEP_NOT_ON_PATH')
    expect(errors[0]?.category).toBe('snapshot')
  })

  test.each([
    ['null', null],
    ['a string', 'checkout'],
    ['an array', []],
    ['no path', { workflow: 'checkout', version: 2, step: 'cart' }],
    ['a path entry that is not an object', { workflow: 'checkout', version: 2, step: 'cart', done: false, path: [7] }],
    [
      'a patch that is not an object',
      { workflow: 'checkout', version: 2, step: 'shipping', done: false, path: [{ step: 'cart', patch: 'x' }] },
    ],
    [
      'a path going on after the final step',
      {
        workflow: 'checkout',
        version: 2,
        step: 'review',
        done: true,
        path: [
          { step: 'cart', patch: {} },
          { step: 'shipping', patch: {} },
          { step: 'payment', patch: {} },
          { step: 'review', patch: {} },
          { step: 'review', patch: {} },
        ],
      },
    ],
  ])('a malformed snapshot (%s) never crashes: the flow starts fresh and onError says why', (_, snapshot) => {
    const { workflow, errors } = resume(snapshot)
    expect(workflow.getSnapshot().step).toBe('cart')
    expect(workflow.getSnapshot().state).toEqual(checkout.state)
    expect(errors).toHaveLength(1)
    expect(errors[0]?.category).toBe('snapshot')
    expect(errors[0]?.message).toMatch(/^the (snapshot|path)/)
  })

  test('unknown drafts and malformed log entries in a snapshot are dropped', async () => {
    const persisted = getPersistedSnapshot(await midway())
    const { workflow, errors } = resume({
      ...persisted,
      drafts: { ...persisted.drafts, nope: { x: 1 } },
      log: [{ type: 'hack', step: 1 }, ...persisted.log],
    })
    expect(errors).toEqual([])
    expect(Object.keys(workflow.getSnapshot().drafts)).not.toContain('nope')
    expect(workflow.getSnapshot().log).toEqual(persisted.log)
  })

  test('a finished flow resumes as done', async () => {
    const workflow = await midway()
    await workflow.next({})
    const { workflow: resumed } = resume(getPersistedSnapshot(workflow))
    expect(resumed.getSnapshot().status).toBe('done')
  })
})
