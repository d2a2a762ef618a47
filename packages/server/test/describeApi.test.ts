import { createFlowkitHandler, type InstanceStore } from '@flowkit/server'
import { describe, expect, it } from 'vitest'
import { enrollment } from '../src/examples/enrollment'
import { backends } from './helpers/backends'

const get = async (handler: (request: Request) => Promise<Response>, url: string, method = 'GET') => {
  const response = await handler(new Request(url, { method }))
  return { status: response.status, type: response.headers.get('content-type'), body: await response.json() }
}

describe('GET on the base path', () => {
  it('says what the handler serves: its name, the API version, the routes and the workflows', async () => {
    const handler = createFlowkitHandler({ definitions: [enrollment], store: backends[0]!.create(), basePath: '/api/flowkit/' })
    const answer = await get(handler, 'http://x/api/flowkit')
    expect(answer).toMatchObject({ status: 200, type: 'application/json; charset=utf-8' })
    expect(answer.body).toMatchObject({ name: '@flowkit/server', api: 1, workflows: [{ id: 'enrollment', version: 1 }] })
    expect(answer.body.routes.map((r: { method: string; path: string }) => `${r.method} ${r.path}`)).toEqual([
      'POST /api/flowkit/instances',
      'GET /api/flowkit/instances/:token',
      'PUT /api/flowkit/instances/:token',
      'POST /api/flowkit/instances/:token/submit',
      'DELETE /api/flowkit/instances/:token',
      'GET /api/flowkit/insights/:workflow',
    ])
    expect((await get(handler, 'http://x/api/flowkit/')).status).toBe(200)
  })

  it('answers at / without a base path, with no store needed, and only to GET', async () => {
    const down = {
      init: () => Promise.reject(new Error('the database is down')),
    } as unknown as InstanceStore
    const handler = createFlowkitHandler({ definitions: [enrollment], store: down })
    expect(await get(handler, 'http://x/')).toMatchObject({ status: 200, body: { workflows: [{ id: 'enrollment' }] } })
    expect(await get(handler, 'http://x/', 'POST')).toMatchObject({ status: 405, body: { error: { code: 'METHOD_NOT_ALLOWED' } } })
  })

  it('still finds nothing outside the base path', async () => {
    const handler = createFlowkitHandler({ definitions: [enrollment], store: backends[0]!.create(), basePath: '/api/flowkit' })
    expect(await get(handler, 'http://x/other')).toMatchObject({ status: 404, body: { error: { code: 'NOT_FOUND' } } })
    expect(await get(handler, 'http://x/api/flowkitten')).toMatchObject({ status: 404 })
  })
})
