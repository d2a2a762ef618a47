import { resumeWorkflow } from '@flowkit/core'
import { createFlowkitHandler, type InstanceStore } from '@flowkit/server'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { enrollment } from '../src/examples/enrollment'
import { api, basicEnrollment, snapshotAfter } from './helpers/api'
import { backends } from './helpers/backends'

describe.each(backends)('operations on $name', (backend) => {
  let store: InstanceStore
  let client: ReturnType<typeof api>
  beforeAll(() => {
    if (backend.skip) return
    store = backend.create()
    client = api(createFlowkitHandler({ definitions: [enrollment], store, basePath: '/api' }))
  })
  afterAll(() => store?.close())

  it.skipIf(backend.skip)('starts an instance at the first step with version 1 and a resume token', async () => {
    const started = await client.start('enrollment')
    expect(started.status).toBe(201)
    expect(started.body).toMatchObject({ workflow: 'enrollment', version: 1, status: 'open', result: null })
    expect(started.body.snapshot).toMatchObject({ workflow: 'enrollment', step: 'contact', path: [], done: false })
    expect(started.body.token).toMatch(/^[A-Za-z0-9_-]{43}$/)
  })

  it.skipIf(backend.skip)('loads what was saved, on another device, with the token alone', async () => {
    const { body } = await client.start('enrollment')
    const progressed = await snapshotAfter(enrollment, basicEnrollment.slice(0, 2))
    const saved = await client.save(body.token, 1, progressed)
    expect(saved).toMatchObject({ status: 200, body: { version: 2, status: 'open' } })
    const loaded = await client.load(body.token)
    expect(loaded.status).toBe(200)
    expect(loaded.body.version).toBe(2)
    expect(loaded.body.snapshot).toEqual(progressed)
    const resumed = resumeWorkflow(enrollment, loaded.body.snapshot)
    expect(resumed.getSnapshot()).toMatchObject({ step: 'payment', state: { email: 'bob@example.com', plan: 'basic' } })
  })

  it.skipIf(backend.skip)('starts from a snapshot the client already has', async () => {
    const progressed = await snapshotAfter(enrollment, basicEnrollment.slice(0, 1))
    const started = await client.start('enrollment', progressed)
    expect(started.status).toBe(201)
    expect((await client.load(started.body.token)).body.snapshot.step).toBe('plan')
  })

  it.skipIf(backend.skip)('submits a finished flow and keeps the verified result', async () => {
    const { body } = await client.start('enrollment')
    const finished = await snapshotAfter(enrollment, basicEnrollment)
    const submitted = await client.submit(body.token, 1, finished)
    expect(submitted.status).toBe(200)
    expect(submitted.body).toMatchObject({ status: 'submitted', version: 2, result: { plan: 'basic', price: 10 } })
    expect((await client.load(body.token)).body).toMatchObject({ status: 'submitted', result: { price: 10 } })
  })

  it.skipIf(backend.skip)('deletes an instance, after which its token finds nothing', async () => {
    const { body } = await client.start('enrollment')
    expect((await client.remove(body.token)).status).toBe(204)
    expect((await client.load(body.token)).body.error.code).toBe('NOT_FOUND')
    expect((await client.remove(body.token)).status).toBe(404)
  })

  it.skipIf(backend.skip)('slides the expiry forward on every save', async () => {
    let clock = 1_000_000
    const local = api(createFlowkitHandler({ definitions: [enrollment], store, basePath: '/api', ttl: 1000, now: () => clock }))
    const { body } = await local.start('enrollment')
    expect(body.expiresAt).toBe(1_001_000)
    clock += 900
    const saved = await local.save(body.token, 1, await snapshotAfter(enrollment, basicEnrollment.slice(0, 1)))
    expect(saved.body.expiresAt).toBe(1_001_900)
    clock += 900
    expect((await local.load(body.token)).status).toBe(200)
  })
})

describe('mounting', () => {
  it('answers under its basePath only', async () => {
    const handler = createFlowkitHandler({ definitions: [enrollment], store: backends[0]!.create(), basePath: '/api/flowkit' })
    const inside = await handler(
      new Request('http://x/api/flowkit/instances', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{"workflow":"enrollment"}',
      }),
    )
    expect(inside.status).toBe(201)
    const outside = await handler(new Request('http://x/other/instances', { method: 'POST', body: '{}' }))
    expect(outside.status).toBe(404)
  })

  it('finds definitions given as an object by their own id, and refuses two with one id', async () => {
    const client = api(createFlowkitHandler({ definitions: { main: enrollment }, store: backends[0]!.create() }), 'http://x')
    expect((await client.start('enrollment')).status).toBe(201)
    const twice = () => createFlowkitHandler({ definitions: [enrollment, enrollment], store: backends[0]!.create() })
    expect(twice).toThrow(
      "createFlowkitHandler: two definitions share an id ('enrollment'); ids: 'enrollment', 'enrollment'. Give each workflow its own id, or pass each definition once.",
    )
    expect(twice).toThrow(
      expect.objectContaining({ code: 'INVALID_OPTION', category: 'usage', details: { option: 'definitions', ids: ['enrollment'] } }),
    )
  })

  it('refuses a broken definition when the handler is created', () => {
    const broken = { id: 'broken', initial: 'a', state: {}, steps: { a: { next: 'nowhere' } } }
    expect(() => createFlowkitHandler({ definitions: [broken as never], store: backends[0]!.create() })).toThrow(/nowhere/)
  })
})
