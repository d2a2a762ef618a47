import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createFlowkitHandler } from '@flowkit/server'
import { describe, expect, it } from 'vitest'
import { startServer } from '../bench/startServer'
import { enrollment } from '../src/examples/enrollment'
import { backends } from './helpers/backends'

const startRequest = () =>
  new Request('http://127.0.0.1/instances', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: '{"workflow":"enrollment"}',
  })

describe('per-caller limits', () => {
  it('answers requests over the rate limit with 429 RATE_LIMITED and Retry-After, per caller', async () => {
    const handler = createFlowkitHandler({
      definitions: [enrollment],
      store: backends[0]!.create(),
      limits: { requests: { points: 3, duration: 60 } },
    })
    const ada = { remoteAddress: '10.0.0.1' }
    for (let i = 0; i < 3; i++) expect((await handler(startRequest(), ada)).status).toBe(201)
    const refused = await handler(startRequest(), ada)
    expect(refused.status).toBe(429)
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0)
    expect(await refused.json()).toMatchObject({ error: { code: 'RATE_LIMITED', message: expect.stringMatching(/try again in \d+ s/) } })
    expect((await handler(startRequest(), { remoteAddress: '10.0.0.2' })).status).toBe(201)
  })

  it('caps the instances one caller starts with 429 TOO_MANY_INSTANCES, by a key the app chooses', async () => {
    const handler = createFlowkitHandler({
      definitions: [enrollment],
      store: backends[0]!.create(),
      limits: { instances: { points: 2, duration: 3600 }, key: (request) => request.headers.get('x-user') ?? 'anonymous' },
    })
    const as = (user: string) => {
      const request = startRequest()
      request.headers.set('x-user', user)
      return request
    }
    expect((await handler(as('ada'))).status).toBe(201)
    expect((await handler(as('ada'))).status).toBe(201)
    const refused = await handler(as('ada'))
    expect(refused.status).toBe(429)
    expect((await refused.json()).error).toMatchObject({ code: 'TOO_MANY_INSTANCES', message: expect.stringMatching(/resume link/) })
    expect((await handler(as('bob'))).status).toBe(201)
  })

  it('are on by default in `npm run server`, and configurable', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'flowkit-limits-'))
    const server = await startServer({ FLOWKIT_SQLITE: join(dir, 'a.db'), DATABASE_URL: '', FLOWKIT_MAX_INSTANCES: '' })
    const tight = await startServer({ FLOWKIT_SQLITE: join(dir, 'b.db'), DATABASE_URL: '', FLOWKIT_MAX_INSTANCES: '2' })
    try {
      const starts = async (url: string, n: number) => {
        const statuses: number[] = []
        for (let i = 0; i < n; i++) {
          const response = await fetch(`${url}/instances`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: '{"workflow":"enrollment"}',
          })
          statuses.push(response.status)
          await response.body?.cancel()
        }
        return statuses
      }
      const byDefault = await starts(server.url, 51)
      expect(byDefault.slice(0, 50).every((s) => s === 201)).toBe(true)
      expect(byDefault[50]).toBe(429)
      expect(await starts(tight.url, 3)).toEqual([201, 201, 429])
    } finally {
      await Promise.all([server.stop(), tight.stop()])
    }
  }, 60_000)
})
