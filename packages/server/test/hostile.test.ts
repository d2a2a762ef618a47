import { createFlowkitHandler, type InstanceStore } from '@flowkit/server'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { enrollment } from '../src/examples/enrollment'
import { api, basicEnrollment, snapshotAfter } from './helpers/api'
import { backends } from './helpers/backends'

describe.each(backends)('hostile requests on $name', (backend) => {
  let store: InstanceStore
  let client: ReturnType<typeof api>
  let clock = Date.now()
  beforeAll(() => {
    if (backend.skip) return
    store = backend.create()
    client = api(
      createFlowkitHandler({ definitions: [enrollment], store, basePath: '/api', maxBodyBytes: 4096, ttl: 60_000, now: () => clock }),
    )
  })
  afterAll(() => store?.close())
  const started = async () => (await client.start('enrollment')).body.token as string

  it.skipIf(backend.skip)('answers bad JSON with 400 INVALID_JSON', async () => {
    const answer = await client.call('POST', '/instances', '{"workflow": "enrollment",')
    expect(answer).toMatchObject({ status: 400, body: { error: { code: 'INVALID_JSON' } } })
    expect(answer.body.error.message).toMatch(/not valid JSON/)
  })

  it.skipIf(backend.skip)('answers a body that is not JSON-typed with 415, so cross-site form posts cannot reach it', async () => {
    const answer = await client.call('POST', '/instances', '{"workflow":"enrollment"}', { 'content-type': 'text/plain' })
    expect(answer).toMatchObject({ status: 415, body: { error: { code: 'UNSUPPORTED_MEDIA_TYPE' } } })
  })

  it.skipIf(backend.skip)(
    'answers a body without a content-type with 415, so a cross-site Blob fetch cannot create instances',
    async () => {
      const before = await started()
      const handler = createFlowkitHandler({ definitions: [enrollment], store, basePath: '/api' })
      const blob = new Blob(['{"workflow":"enrollment"}']) // a CORS simple request: no content-type, no preflight
      const response = await handler(new Request('http://127.0.0.1/api/instances', { method: 'POST', body: blob }))
      expect(response.status).toBe(415)
      expect(await response.json()).toMatchObject({
        error: { code: 'UNSUPPORTED_MEDIA_TYPE', message: expect.stringMatching(/no content-type/) },
      })
      const put = await handler(new Request(`http://127.0.0.1/api/instances/${before}`, { method: 'PUT', body: '{}' }))
      expect(put.status).toBe(415)
    },
  )

  it.skipIf(backend.skip)('answers a deeply nested body with 400, not a stack overflow, on save and submit', async () => {
    const roomy = api(createFlowkitHandler({ definitions: [enrollment], store, basePath: '/api' }))
    const token = (await roomy.start('enrollment')).body.token
    const finished = JSON.parse(JSON.stringify(await snapshotAfter(enrollment, basicEnrollment)))
    const deep = `${'{"a":'.repeat(20_000)}1${'}'.repeat(20_000)}`
    const body = (route: string) =>
      JSON.stringify({ baseVersion: 1, snapshot: { ...finished, path: [{ ...finished.path[0], patch: route }] } }).replace(
        `"${route}"`,
        deep,
      )
    for (const [method, path] of [
      ['POST', `/instances/${token}/submit`],
      ['PUT', `/instances/${token}`],
    ] as const) {
      const answer = await roomy.call(method, path, body('DEEP'))
      expect(answer).toMatchObject({ status: 400, body: { error: { code: 'INVALID_JSON' } } })
      expect(answer.body.error.message).toMatch(/deeper than 64 levels/)
    }
    expect((await roomy.load(token)).body).toMatchObject({ version: 1, status: 'open' })
  })

  it.skipIf(backend.skip)('refuses unknown top-level fields in a body or a snapshot instead of storing them', async () => {
    const token = await started()
    const snapshot = await snapshotAfter(enrollment, basicEnrollment.slice(0, 1))
    const padded = await client.save(token, 1, { ...snapshot, padding: 'x'.repeat(1000) })
    expect(padded).toMatchObject({ status: 422, body: { error: { code: 'INVALID_SNAPSHOT' } } })
    expect(padded.body.error.message).toMatch(/unknown field "padding"/)
    const extra = await client.call('PUT', `/instances/${token}`, { baseVersion: 1, snapshot, note: 'hi' })
    expect(extra).toMatchObject({ status: 400, body: { error: { code: 'INVALID_REQUEST' } } })
    expect(extra.body.error.message).toMatch(/unknown field "note"/)
    const start = await client.call('POST', '/instances', { workflow: 'enrollment', owner: 'me' })
    expect(start.status).toBe(400)
    expect((await client.load(token)).body).toMatchObject({ version: 1 })
  })

  it.skipIf(backend.skip)('answers an oversized body with 413, by its length and when streamed without one', async () => {
    const big = JSON.stringify({ workflow: 'enrollment', padding: 'x'.repeat(10_000) })
    expect((await client.call('POST', '/instances', big)).status).toBe(413)
    const stream = new ReadableStream({
      start(controller) {
        for (let i = 0; i < 10; i++) controller.enqueue(new TextEncoder().encode('x'.repeat(1000)))
        controller.close()
      },
    })
    const handler = createFlowkitHandler({ definitions: [enrollment], store, maxBodyBytes: 4096 })
    const response = await handler(
      new Request('http://x/instances', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: stream,
        duplex: 'half',
      } as RequestInit),
    )
    expect(response.status).toBe(413)
    expect((await response.json()).error.message).toMatch(/larger than 4096 bytes \(maxBodyBytes\)/)
  })

  it.skipIf(backend.skip)('answers an unknown definition with 404 naming the ones served', async () => {
    const answer = await client.start('enrolment')
    expect(answer).toMatchObject({ status: 404, body: { error: { code: 'UNKNOWN_WORKFLOW' } } })
    expect(answer.body.error.message).toMatch(/no workflow "enrolment"; it serves: 'enrollment'/)
  })

  it.skipIf(backend.skip)('answers guessed and malformed tokens with the same 404', async () => {
    const guessed = 'A'.repeat(43)
    for (const token of [guessed, 'short', "' OR 1=1 --", '..%2F..%2Fetc']) {
      const answer = await client.load(encodeURIComponent(token))
      expect(answer.status).toBe(404)
      expect(answer.body.error.code).toBe('NOT_FOUND')
    }
  })

  it.skipIf(backend.skip)('answers an expired token with 410 and keeps refusing saves', async () => {
    const token = await started()
    clock += 60_001
    expect(await client.load(token)).toMatchObject({ status: 410, body: { error: { code: 'EXPIRED' } } })
    expect((await client.save(token, 1, await snapshotAfter(enrollment, basicEnrollment.slice(0, 1)))).status).toBe(410)
    clock -= 60_001
  })

  it.skipIf(backend.skip)('refuses a tampered snapshot on save with 422 and keeps the stored one', async () => {
    const token = await started()
    const good = await snapshotAfter(enrollment, basicEnrollment.slice(0, 2))
    await client.save(token, 1, good)
    const tampered = JSON.parse(JSON.stringify(good))
    tampered.step = 'review'
    const answer = await client.save(token, 2, tampered)
    expect(answer).toMatchObject({ status: 422, body: { error: { code: 'STEP_NOT_ON_PATH' } } })
    expect(answer.body.error.message).toMatch(/says the flow is at step 'review' .*but its path leads to 'payment'/)
    expect((await client.load(token)).body).toMatchObject({ version: 2, snapshot: good })
  })

  it.skipIf(backend.skip)("refuses another workflow's snapshot and a snapshot of another definition version", async () => {
    const token = await started()
    const snapshot = await snapshotAfter(enrollment, basicEnrollment.slice(0, 1))
    const other = await client.save(token, 1, { ...snapshot, workflow: 'checkout' })
    expect(other.body.error.message).toMatch(/belongs to workflow 'checkout'/)
    expect(other.body.error.code).toBe('SNAPSHOT_MISMATCH')
    const old = await client.submit(token, 1, { ...snapshot, version: 0 })
    expect(old).toMatchObject({ status: 422, body: { error: { code: 'SNAPSHOT_MISMATCH' } } })
    expect(old.body.error.message).toContain(
      'give the handler a migration for it: createFlowkitHandler({ definitions, store, migrations: { enrollment:',
    )
  })

  it.skipIf(backend.skip)('answers a submission sent again with the recorded result, and another one with 409', async () => {
    const first = await started()
    const finished = await snapshotAfter(enrollment, basicEnrollment)
    const accepted = await client.submit(first, 1, finished)
    expect(accepted.status).toBe(200)
    expect(await client.submit(first, 1, finished)).toEqual(accepted)
    const other = await snapshotAfter(enrollment, [{ email: 'eve@example.com', name: 'Eve' }, ...basicEnrollment.slice(1)])
    expect(await client.submit(first, 1, other)).toMatchObject({ status: 409, body: { error: { code: 'ALREADY_SUBMITTED' } } })
  })

  it.skipIf(backend.skip)('refuses a missing or nonsense baseVersion with 400', async () => {
    const token = await started()
    for (const baseVersion of [undefined, '1', 0, -1, 1.5, null]) {
      const answer = await client.save(token, baseVersion, await snapshotAfter(enrollment, []))
      expect(answer.status).toBe(400)
      expect(answer.body.error.message).toMatch(/`baseVersion` must be the version/)
    }
  })

  it.skipIf(backend.skip)('stores SQL-looking text as data', async () => {
    const token = await started()
    const name = "Robert'); DROP TABLE flowkit_instances; --"
    const snapshot = await snapshotAfter(enrollment, [{ email: 'bobby@example.com', name }])
    expect((await client.save(token, 1, snapshot)).status).toBe(200)
    expect((await client.load(token)).body.snapshot.path[0].input.name).toBe(name)
    expect((await client.start('enrollment')).status).toBe(201)
  })

  it.skipIf(backend.skip)('answers wrong methods and routes with 405 and 404', async () => {
    expect((await client.call('GET', '/instances')).status).toBe(405)
    expect((await client.call('PATCH', `/instances/${'A'.repeat(43)}`, {})).status).toBe(405)
    expect((await client.call('GET', '/nothing')).status).toBe(404)
  })

  it.skipIf(backend.skip)('never answers arbitrary bodies with a 5xx nor changes the instance', async () => {
    const token = await started()
    const before = (await client.load(token)).body
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('POST /instances', 'PUT', 'POST submit'),
        fc.oneof(
          fc.json(),
          fc.string(),
          fc.record({ baseVersion: fc.anything(), snapshot: fc.anything() }).map((v) => JSON.stringify(v)),
        ),
        async (route, body) => {
          const [method, path] =
            route === 'PUT'
              ? ['PUT', `/instances/${token}`]
              : route === 'POST submit'
                ? ['POST', `/instances/${token}/submit`]
                : ['POST', '/instances']
          const answer = await client.call(method as string, path as string, body)
          expect(answer.status).toBeGreaterThanOrEqual(200)
          expect(answer.status).toBeLessThan(500)
        },
      ),
      { numRuns: 150 },
    )
    expect((await client.load(token)).body).toEqual(before)
  })
})

describe('a database that is down', () => {
  it('answers 503 STORAGE_UNAVAILABLE, which clients retry, and tells onError', async () => {
    const errors: unknown[] = []
    const { postgresStore } = await import('@flowkit/server/postgres')
    const store = postgresStore({ connectionString: 'postgres://nobody@127.0.0.1:1/none' })
    const client = api(createFlowkitHandler({ definitions: [enrollment], store, onError: (e) => errors.push(e) }), 'http://127.0.0.1')
    const answer = await client.start('enrollment')
    expect(answer).toMatchObject({ status: 503, body: { error: { code: 'STORAGE_UNAVAILABLE' } } })
    expect(answer.body.error.message).not.toMatch(/127\.0\.0\.1|ECONNREFUSED/) // no internals to the client
    expect(errors).toHaveLength(1)
    await store.close()
  })

  it('answers 500 INTERNAL, not a crash, when an authorize hook throws', async () => {
    const handler = createFlowkitHandler({
      definitions: [enrollment],
      store: backends[0]!.create(),
      authorize: () => {
        throw new Error('session lookup failed')
      },
    })
    const response = await handler(
      new Request('http://x/instances', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{"workflow":"enrollment"}',
      }),
    )
    expect(response.status).toBe(500)
    expect((await response.json()).error.message).not.toMatch(/session lookup/)
  })
})
