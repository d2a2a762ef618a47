import type { PersistedSnapshot } from '@flowkit/core'
import { describe, expect, it } from 'vitest'
import { runServerActions } from '../src/runServerActions'

const run = (patch: unknown) =>
  runServerActions({
    actions: { payment: [() => patch as never] },
    snapshot: { path: [{ step: 'payment', input: {} }] } as unknown as PersistedSnapshot,
    state: { price: 10 },
    key: 'k',
    signal: new AbortController().signal,
  })

describe('server actions', () => {
  it('merge a plain object patch, one without a prototype too', async () => {
    expect(await run({ paymentId: 'pay_1' })).toEqual({ price: 10, paymentId: 'pay_1' })
    expect(await run(Object.assign(Object.create(null), { paymentId: 'pay_2' }))).toEqual({ price: 10, paymentId: 'pay_2' })
    expect(await run(undefined)).toEqual({ price: 10 })
  })

  it('refuse a patch that is not a plain object', async () => {
    for (const patch of [['pay_1'], new Map([['paymentId', 'pay_1']]), new Date(0), 'pay_1']) {
      await expect(run(patch)).rejects.toMatchObject({ code: 'SERVER_ACTION_FAILED', step: 'payment' })
    }
  })
})
