import { createFlowkitHandler, type InstanceStore, type ServerActionContext } from '@flowkit/server'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { enrollment } from '../src/examples/enrollment'
import { api, basicEnrollment, snapshotAfter } from './helpers/api'
import { backends } from './helpers/backends'

/** A payment action that records every call and can be held open until released. */
const payments = () => {
  const calls: ServerActionContext[] = []
  let open: (() => void) | undefined
  let held: Promise<void> = Promise.resolve()
  return {
    calls,
    hold: () => {
      held = new Promise((resolve) => (open = resolve))
    },
    release: () => open?.(),
    capture: async (context: ServerActionContext) => {
      calls.push(context)
      await held
      return { paymentId: `pay_${calls.length}` }
    },
  }
}

const until = async (condition: () => boolean, what: string) => {
  for (let i = 0; i < 400 && !condition(); i++) await new Promise((r) => setTimeout(r, 5))
  if (!condition()) throw new Error(`timed out waiting for ${what}`)
}

describe.each(backends)('server actions run exactly once per submission on $name', (backend) => {
  let store: InstanceStore
  beforeAll(() => {
    if (backend.skip) return
    store = backend.create()
  })
  afterAll(() => store?.close())

  const handlerWith = (pay: ReturnType<typeof payments>, options: { submitLease?: number } = {}) =>
    api(
      createFlowkitHandler({
        definitions: [enrollment],
        store,
        basePath: '/api',
        serverActions: { enrollment: { payment: [pay.capture] } },
        ...options,
      }),
    )

  it.skipIf(backend.skip)('runs the payment once for ten concurrent submits, and every retry gets the recorded result', async () => {
    const pay = payments()
    const client = handlerWith(pay)
    const token = (await client.start('enrollment')).body.token
    const finished = await snapshotAfter(enrollment, basicEnrollment)
    const answers = await Promise.all(Array.from({ length: 10 }, () => client.submit(token, 1, finished)))
    expect(pay.calls).toHaveLength(1)
    for (const answer of answers) {
      if (answer.status === 200) expect(answer.body).toMatchObject({ status: 'submitted', result: { paymentId: 'pay_1' } })
      else expect(answer).toMatchObject({ status: 409, body: { error: { code: 'SUBMISSION_IN_PROGRESS' } } })
    }
    expect(answers.filter((a) => a.status === 200).length).toBeGreaterThanOrEqual(1)
    const retried = await client.submit(token, 1, finished)
    expect(retried).toMatchObject({ status: 200, body: { version: 2, result: { paymentId: 'pay_1' } } })
    expect(pay.calls).toHaveLength(1)
  })

  it.skipIf(backend.skip)(
    'refuses a save landing during a slow submit with 409 SUBMISSION_IN_PROGRESS, and the submit succeeds',
    async () => {
      const pay = payments()
      pay.hold()
      const client = handlerWith(pay)
      const token = (await client.start('enrollment')).body.token
      const submitting = client.submit(token, 1, await snapshotAfter(enrollment, basicEnrollment))
      await until(() => pay.calls.length === 1, 'the payment to start')
      const save = await client.save(token, 1, await snapshotAfter(enrollment, basicEnrollment.slice(0, 1)))
      expect(save).toMatchObject({ status: 409, body: { error: { code: 'SUBMISSION_IN_PROGRESS' }, current: { status: 'submitting' } } })
      expect(save.body.error.message).toMatch(/being submitted right now/)
      expect((await client.remove(token)).body.error.code).toBe('SUBMISSION_IN_PROGRESS')
      pay.release()
      expect(await submitting).toMatchObject({ status: 200, body: { status: 'submitted', result: { paymentId: 'pay_1' } } })
      expect(pay.calls).toHaveLength(1)
    },
  )

  it.skipIf(backend.skip)('hands each action a stable idempotency key, the same when an expired claim is taken over', async () => {
    const pay = payments()
    pay.hold() // the first attempt never finishes: its server is as good as dead
    const client = handlerWith(pay, { submitLease: 150 })
    const token = (await client.start('enrollment')).body.token
    const finished = await snapshotAfter(enrollment, basicEnrollment)
    const first = client.submit(token, 1, finished)
    await until(() => pay.calls.length === 1, 'the first attempt')
    expect((await client.submit(token, 1, finished)).body.error.code).toBe('SUBMISSION_IN_PROGRESS')
    await new Promise((r) => setTimeout(r, 200)) // the lease runs out
    const pay2 = payments()
    const second = await handlerWith(pay2, { submitLease: 5000 }).submit(token, 1, finished)
    expect(second).toMatchObject({ status: 200, body: { status: 'submitted' } })
    expect(pay2.calls).toHaveLength(1)
    expect(pay2.calls[0]?.idempotencyKey).toBe(pay.calls[0]?.idempotencyKey)
    expect(pay.calls[0]?.idempotencyKey).toMatch(/^[0-9a-f]{24}\.1:payment:0$/)
    expect(pay.calls[0]?.signal.aborted).toBe(true) // the first attempt was told its lease ran out
    pay.release()
    expect(await first).toMatchObject({ status: 200, body: { result: second.body.result } })
  })

  it.skipIf(backend.skip)('knows a retry serialized anew (another savedAt and log) as the same submission', async () => {
    const pay = payments()
    const client = handlerWith(pay)
    const token = (await client.start('enrollment')).body.token
    const finished = await snapshotAfter(enrollment, basicEnrollment)
    const first = await client.submit(token, 1, finished)
    const again = await client.submit(token, 1, { ...finished, savedAt: finished.savedAt + 5000, log: [] })
    expect(again).toEqual(first)
    expect(pay.calls).toHaveLength(1)
  })

  it.skipIf(backend.skip)("gives each instance's submission its own key", async () => {
    const pay = payments()
    const client = handlerWith(pay)
    const a = (await client.start('enrollment')).body.token
    const b = (await client.start('enrollment')).body.token
    const finished = await snapshotAfter(enrollment, basicEnrollment)
    await client.submit(a, 1, finished)
    await client.submit(b, 1, finished)
    expect(new Set(pay.calls.map((c) => c.idempotencyKey)).size).toBe(2)
  })

  it.skipIf(backend.skip)('records the result after the write failed once, without running the payment again', async () => {
    const pay = payments()
    let failures = 1
    const flaky: InstanceStore = {
      ...store,
      finish: async (hash, request) => {
        if (failures-- > 0) throw new Error('connection reset while writing')
        return store.finish(hash, request)
      },
    }
    const client = api(
      createFlowkitHandler({
        definitions: [enrollment],
        store: flaky,
        basePath: '/api',
        serverActions: { enrollment: { payment: [pay.capture] } },
      }),
    )
    const token = (await client.start('enrollment')).body.token
    const answer = await client.submit(token, 1, await snapshotAfter(enrollment, basicEnrollment))
    expect(answer).toMatchObject({ status: 200, body: { status: 'submitted', result: { paymentId: 'pay_1' } } })
    expect(pay.calls).toHaveLength(1)
  })

  it.skipIf(backend.skip)('opens the instance again when an action fails, and the next attempt runs it with a new key', async () => {
    let declined = true
    const calls: string[] = []
    const client = api(
      createFlowkitHandler({
        definitions: [enrollment],
        store,
        basePath: '/api',
        serverActions: {
          enrollment: {
            payment: [
              ({ idempotencyKey }: ServerActionContext) => {
                calls.push(idempotencyKey)
                if (declined) throw new Error('card declined')
                return { paymentId: 'pay_ok' }
              },
            ],
          },
        },
      }),
    )
    const token = (await client.start('enrollment')).body.token
    const finished = await snapshotAfter(enrollment, basicEnrollment)
    expect((await client.submit(token, 1, finished)).body.error.code).toBe('SERVER_ACTION_FAILED')
    expect((await client.load(token)).body).toMatchObject({ status: 'open', version: 1, result: null })
    declined = false
    expect(await client.submit(token, 1, finished)).toMatchObject({ status: 200, body: { result: { paymentId: 'pay_ok' } } })
    expect(calls).toHaveLength(2)
    expect(calls[1]).not.toBe(calls[0]) // a provider would answer the declined key with its recorded decline
  })
})
