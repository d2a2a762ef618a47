import { createWorkflow, defineWorkflow, getPersistedSnapshot, type PersistedSnapshot } from '@flowkit/core'
import { createFlowkitHandler, type InstanceStore } from '@flowkit/server'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { enrollment } from '../src/examples/enrollment'
import { api, basicEnrollment, familyEnrollment, snapshotAfter } from './helpers/api'
import { backends } from './helpers/backends'

const clone = (s: PersistedSnapshot): any => JSON.parse(JSON.stringify(s))

describe.each(backends)('submission verified by replay on $name', (backend) => {
  let store: InstanceStore
  const capture = vi.fn(({ state }: { state: { price: number } }) => ({ paymentId: `pay_${state.price}` }))
  let client: ReturnType<typeof api>
  beforeAll(() => {
    if (backend.skip) return
    store = backend.create()
    client = api(
      createFlowkitHandler({
        definitions: [enrollment],
        store,
        basePath: '/api',
        serverActions: { enrollment: { payment: [capture as never] } },
      }),
    )
  })
  afterAll(() => store?.close())

  const startedWith = async () => (await client.start('enrollment')).body.token as string

  /** Submits a tampered snapshot and checks it is refused and the instance is left open and unchanged. */
  const refuses = async (snapshot: unknown, code: string, message: RegExp) => {
    const token = await startedWith()
    const answer = await client.submit(token, 1, snapshot)
    expect(answer.status).toBe(422)
    expect(answer.body.error.code).toBe(code)
    expect(answer.body.error.message).toMatch(message)
    expect((await client.load(token)).body).toMatchObject({ version: 1, status: 'open', result: null })
    return answer
  }

  it.skipIf(backend.skip)('accepts an honest family enrollment and runs the payment capture on the server only', async () => {
    capture.mockClear()
    const token = await startedWith()
    const answer = await client.submit(token, 1, await snapshotAfter(enrollment, familyEnrollment))
    expect(answer.status).toBe(200)
    expect(answer.body.result).toMatchObject({ plan: 'family', dependents: 2, price: 30, paymentId: 'pay_30' })
    expect(capture).toHaveBeenCalledTimes(1)
  })

  it.skipIf(backend.skip)('refuses a path that skips a required step', async () => {
    const honest = clone(await snapshotAfter(enrollment, familyEnrollment))
    honest.path.splice(2, 1) // drop 'dependents' although the plan is family
    await refuses(honest, 'REQUIRED_STEP_SKIPPED', /skips required step 'dependents'/)
  })

  it.skipIf(backend.skip)('refuses a step the answers do not lead to', async () => {
    const basic = clone(await snapshotAfter(enrollment, basicEnrollment))
    basic.path.splice(2, 0, { step: 'dependents', input: { dependents: 3 }, patch: { dependents: 3 } })
    await refuses(basic, 'STEP_NOT_ON_PATH', /completes step 'dependents', which the answers so far do not lead to/)
  })

  it.skipIf(backend.skip)('refuses a state that differs from the replayed one (a price lowered by hand)', async () => {
    const cheap = clone(await snapshotAfter(enrollment, familyEnrollment))
    cheap.path[3].patch.price = 1
    await refuses(cheap, 'STATE_MISMATCH', /step 'payment' recorded the contribution .*"price":1.* contributes .*"price":30/)
  })

  it.skipIf(backend.skip)('refuses inputs the step validation rejects', async () => {
    const bad = clone(await snapshotAfter(enrollment, basicEnrollment))
    bad.path[0].input.email = 'not-an-email'
    bad.path[0].patch.email = 'not-an-email'
    await refuses(bad, 'INVALID_INPUT', /input of step 'contact' is invalid: email:/)
  })

  it.skipIf(backend.skip)('refuses a flow that is not finished', async () => {
    await refuses(await snapshotAfter(enrollment, basicEnrollment.slice(0, 2)), 'NOT_FINISHED', /at step 'payment', not finished/)
  })

  it.skipIf(backend.skip)('refuses a snapshot that claims another end than its path', async () => {
    const claim = clone(await snapshotAfter(enrollment, basicEnrollment))
    claim.path.pop()
    claim.step = 'review'
    claim.done = true
    await refuses(
      claim,
      'STEP_NOT_ON_PATH',
      /says the flow is at step 'review' \(done: true\) but its path leads to 'review' \(done: false\)/,
    )
  })

  it.skipIf(backend.skip)('leaves the flow open when a server action fails, so the user can retry', async () => {
    const declining = api(
      createFlowkitHandler({
        definitions: [enrollment],
        store,
        basePath: '/api',
        serverActions: {
          enrollment: {
            payment: [
              () => {
                throw new Error('card declined')
              },
            ],
          },
        },
      }),
    )
    const token = (await declining.start('enrollment')).body.token
    const answer = await declining.submit(token, 1, await snapshotAfter(enrollment, basicEnrollment))
    expect(answer).toMatchObject({ status: 422, body: { error: { code: 'SERVER_ACTION_FAILED', step: 'payment' } } })
    expect(answer.body.error.message).toMatch(/server action #1 of step 'payment' failed: card declined; nothing was submitted/)
    expect((await declining.load(token)).body).toMatchObject({ status: 'open', version: 1 })
  })
})

describe('state the server computes itself', () => {
  let issued = 0
  const receipts = defineWorkflow({
    id: 'receipts',
    initial: 'order',
    state: { item: '', reference: '' },
    steps: {
      order: { actions: [({ input }) => ({ item: (input as { item: string }).item, reference: `R-${++issued}` })], next: 'done' },
      done: { final: true },
    },
  })
  const claim = async () => {
    const flow = createWorkflow(receipts)
    await flow.run({ order: { item: 'book' } })
    return getPersistedSnapshot(flow)
  }

  it('refuses a differing receipt number unless the key is declared server-computed', async () => {
    const strict = api(createFlowkitHandler({ definitions: [receipts], store: backends[0]!.create() }), 'http://x')
    const token = (await strict.start('receipts')).body.token
    expect((await strict.submit(token, 1, await claim())).body.error.code).toBe('STATE_MISMATCH')
  })

  it('keeps the server’s own value for a declared key and still checks the others', async () => {
    const lenient = api(
      createFlowkitHandler({ definitions: [receipts], store: backends[0]!.create(), serverComputed: { receipts: ['reference'] } }),
      'http://x',
    )
    const honest = await claim()
    const token = (await lenient.start('receipts')).body.token
    const answer = await lenient.submit(token, 1, honest)
    expect(answer.status).toBe(200)
    expect(answer.body.result.reference).not.toBe(honest.path[0]?.patch.reference)
    const forged = JSON.parse(JSON.stringify(honest))
    forged.path[0].patch.item = 'car'
    const other = (await lenient.start('receipts')).body.token
    expect((await lenient.submit(other, 1, forged)).body.error.code).toBe('STATE_MISMATCH')
  })
})
