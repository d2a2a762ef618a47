import { type AuthorizeDetails, createFlowkitHandler, type InstanceStore } from '@flowkit/server'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { enrollment } from '../src/examples/enrollment'
import { api, basicEnrollment, snapshotAfter } from './helpers/api'
import { backends } from './helpers/backends'

describe.each(backends)('a submitted instance is immutable on $name', (backend) => {
  let store: InstanceStore
  let client: ReturnType<typeof api>
  beforeAll(() => {
    if (backend.skip) return
    store = backend.create()
    client = api(createFlowkitHandler({ definitions: [enrollment], store, basePath: '/api' }))
  })
  afterAll(() => store?.close())

  const submitted = async (on = client) => {
    const token = (await on.start('enrollment')).body.token as string
    expect((await on.submit(token, 1, await snapshotAfter(enrollment, basicEnrollment))).status).toBe(200)
    return token
  }

  it.skipIf(backend.skip)('refuses to delete it, for a resume-token holder, and keeps the result', async () => {
    const token = await submitted()
    const answer = await client.remove(token)
    expect(answer).toMatchObject({ status: 409, body: { error: { code: 'ALREADY_SUBMITTED' } } })
    expect(answer.body.error.message).toMatch(/kept with its result and cannot be deleted/)
    expect((await client.load(token)).body).toMatchObject({ status: 'submitted', result: { price: 10 } })
  })

  it.skipIf(backend.skip)('refuses saves over it', async () => {
    const token = await submitted()
    const save = await client.save(token, 2, await snapshotAfter(enrollment, basicEnrollment.slice(0, 1)))
    expect(save).toMatchObject({ status: 409, body: { error: { code: 'ALREADY_SUBMITTED' } } })
    expect((await client.load(token)).body).toMatchObject({ version: 2, status: 'submitted' })
  })

  it.skipIf(backend.skip)('deletes it only when authorize allows deleting a submitted instance', async () => {
    const asked: AuthorizeDetails[] = []
    const admin = api(
      createFlowkitHandler({
        definitions: [enrollment],
        store,
        basePath: '/api',
        authorize: (details) => {
          asked.push(details)
          return details.operation !== 'delete' || details.request.headers.get('x-role') === 'admin'
        },
      }),
    )
    const token = await submitted(admin)
    expect((await admin.remove(token)).status).toBe(404)
    expect(asked.at(-1)).toMatchObject({ operation: 'delete', status: 'submitted' })
    expect((await admin.remove(token, { 'x-role': 'admin' })).status).toBe(204)
    expect((await admin.load(token)).status).toBe(404)
  })

  it.skipIf(backend.skip)('still deletes an open instance for its token holder', async () => {
    const token = (await client.start('enrollment')).body.token
    expect((await client.remove(token)).status).toBe(204)
  })
})
