import { createFlowkitHandler, type InstanceStore } from '@flowkit/server'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { enrollment } from '../src/examples/enrollment'
import { api, basicEnrollment, familyEnrollment, snapshotAfter } from './helpers/api'
import { backends } from './helpers/backends'

describe.each(backends)('no lost updates on $name', (backend) => {
  let store: InstanceStore
  let client: ReturnType<typeof api>
  beforeAll(() => {
    if (backend.skip) return
    store = backend.create()
    client = api(createFlowkitHandler({ definitions: [enrollment], store, basePath: '/api' }))
  })
  afterAll(() => store?.close())

  it.skipIf(backend.skip)('refuses a save based on an old version with 409 and the current snapshot', async () => {
    const { body } = await client.start('enrollment')
    const tabA = await snapshotAfter(enrollment, familyEnrollment.slice(0, 2))
    const tabB = await snapshotAfter(enrollment, basicEnrollment.slice(0, 1))
    expect((await client.save(body.token, 1, tabA)).status).toBe(200)
    const stale = await client.save(body.token, 1, tabB)
    expect(stale.status).toBe(409)
    expect(stale.body.error.code).toBe('VERSION_CONFLICT')
    expect(stale.body.error.message).toMatch(/saved elsewhere \(now version 2\)/)
    expect(stale.body.current).toMatchObject({ version: 2, status: 'open', snapshot: tabA })
    expect((await client.load(body.token)).body.snapshot).toEqual(tabA)
  })

  it.skipIf(backend.skip)('lets exactly one of many concurrent saves on the same version win', async () => {
    const { body } = await client.start('enrollment')
    const snapshots = await Promise.all(
      Array.from({ length: 12 }, (_, i) => snapshotAfter(enrollment, [{ email: `u${i}@example.com`, name: `U${i}` }])),
    )
    const answers = await Promise.all(snapshots.map((s) => client.save(body.token, 1, s)))
    const winners = answers.filter((a) => a.status === 200)
    expect(winners).toHaveLength(1)
    expect(answers.filter((a) => a.status === 409)).toHaveLength(11)
    const loaded = await client.load(body.token)
    expect(loaded.body.version).toBe(2)
    const winner = snapshots[answers.indexOf(winners[0]!)]
    expect(loaded.body.snapshot).toEqual(winner)
  })

  it.skipIf(backend.skip)('answers each refused concurrent save with the instance as the winner left it', async () => {
    const { body } = await client.start('enrollment')
    const snapshots = await Promise.all(
      Array.from({ length: 8 }, (_, i) => snapshotAfter(enrollment, [{ email: `c${i}@example.com`, name: `C${i}` }])),
    )
    const answers = await Promise.all(snapshots.map((s) => client.save(body.token, 1, s)))
    const winner = snapshots[answers.findIndex((a) => a.status === 200)]
    const refused = answers.filter((a) => a.status === 409)
    expect(refused).toHaveLength(7)
    for (const answer of refused) expect(answer.body.current).toMatchObject({ version: 2, status: 'open', snapshot: winner })
  })

  it.skipIf(backend.skip)('accepts the save again once it is based on the current version', async () => {
    const { body } = await client.start('enrollment')
    const a = await snapshotAfter(enrollment, basicEnrollment.slice(0, 1))
    const b = await snapshotAfter(enrollment, basicEnrollment.slice(0, 2))
    await client.save(body.token, 1, a)
    const refused = await client.save(body.token, 1, b)
    const retried = await client.save(body.token, refused.body.current.version, b)
    expect(retried).toMatchObject({ status: 200, body: { version: 3 } })
  })

  it.skipIf(backend.skip)('refuses saves and a second submit after a submission', async () => {
    const { body } = await client.start('enrollment')
    const finished = await snapshotAfter(enrollment, basicEnrollment)
    expect((await client.submit(body.token, 1, finished)).status).toBe(200)
    const again = await client.submit(body.token, 2, finished)
    expect(again.status).toBe(409)
    expect(again.body.error.code).toBe('ALREADY_SUBMITTED')
    const save = await client.save(body.token, 2, finished)
    expect(save).toMatchObject({ status: 409, body: { error: { code: 'ALREADY_SUBMITTED' }, current: { status: 'submitted' } } })
  })
})
