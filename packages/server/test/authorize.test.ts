import { type AuthorizeDetails, createFlowkitHandler, type InstanceStore } from '@flowkit/server'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { enrollment } from '../src/examples/enrollment'
import { api, basicEnrollment, snapshotAfter } from './helpers/api'
import { backends } from './helpers/backends'

/** An app's rule: signed-in users (header `x-user`) own what they start and only they may touch it. */
const authorize = ({ request, operation, owner }: AuthorizeDetails) => {
  const user = request.headers.get('x-user')
  if (!user) return false
  return operation === 'start' ? { owner: user } : owner === user
}

describe.each(backends)('authorization hook on $name', (backend) => {
  let store: InstanceStore
  let client: ReturnType<typeof api>
  beforeAll(() => {
    if (backend.skip) return
    store = backend.create()
    client = api(createFlowkitHandler({ definitions: [enrollment], store, basePath: '/api', authorize }))
  })
  afterAll(() => store?.close())
  const ada = { 'x-user': 'ada' }
  const eve = { 'x-user': 'eve' }

  it.skipIf(backend.skip)('refuses to start for an anonymous caller with 403', async () => {
    expect(await client.start('enrollment')).toMatchObject({ status: 403, body: { error: { code: 'FORBIDDEN' } } })
  })

  it.skipIf(backend.skip)("never shows another user's flow, even with the token: 404 for every operation", async () => {
    const { token } = (await client.start('enrollment', undefined, ada)).body
    const snapshot = await snapshotAfter(enrollment, basicEnrollment.slice(0, 1))
    expect((await client.save(token, 1, snapshot, ada)).status).toBe(200)
    const answers = [
      await client.load(token, eve),
      await client.save(token, 2, snapshot, eve),
      await client.submit(token, 2, await snapshotAfter(enrollment, basicEnrollment), eve),
      await client.remove(token, eve),
    ]
    for (const answer of answers) {
      expect(answer.status).toBe(404)
      expect(JSON.stringify(answer.body)).not.toContain('ada')
      expect(answer.body.current).toBeUndefined()
    }
    expect((await client.load(token, ada)).body).toMatchObject({ version: 2, snapshot })
  })
})
