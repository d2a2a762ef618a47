import { type AuthorizeDetails, createFlowkitHandler, type InstanceStore } from '@flowkit/server'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { enrollment } from '../src/examples/enrollment'
import { api } from './helpers/api'
import { backends } from './helpers/backends'
import { driveJourneys, NOW, T0 } from './helpers/journeys'

/** An app's rule: only an analyst (header `x-role: analyst`) sees insights; flows themselves are open. */
const authorize = ({ request, operation }: AuthorizeDetails) => operation !== 'insights' || request.headers.get('x-role') === 'analyst'
const analyst = { 'x-role': 'analyst' }

describe.each(backends)('GET /insights/:workflow on $name', (backend) => {
  let store: InstanceStore
  let open: ReturnType<typeof api>
  let guarded: ReturnType<typeof api>
  beforeAll(async () => {
    if (backend.skip) return
    store = backend.create()
    await driveJourneys(store)
    open = api(createFlowkitHandler({ definitions: [enrollment], store, basePath: '/api', now: () => NOW }))
    guarded = api(createFlowkitHandler({ definitions: [enrollment], store, basePath: '/api', now: () => NOW, authorize }))
  })
  afterAll(() => store?.close())

  it.skipIf(backend.skip)('answers the aggregates to a caller authorize allows, judged at the handler’s clock', async () => {
    const { status, body } = await guarded.call('GET', `/insights/enrollment?version=1&from=${T0}&to=2026-01-02`, undefined, analyst)
    expect(status).toBe(200)
    expect(body).toMatchObject({ workflow: 'enrollment', version: 1, from: T0, to: Date.UTC(2026, 0, 2), abandonAfter: 1_800_000 })
    expect(body.journeys).toEqual({ started: 5, completed: 2, abandoned: 2, inProgress: 1, resumed: 1, completionRate: 0.4 })
    expect(body.steps.map((s: { step: string }) => s.step)).toEqual(['contact', 'plan', 'payment', 'review', 'dependents'])
    expect(body.steps[4].timeBuckets.at(-1)).toEqual({ upToMs: Number.MAX_SAFE_INTEGER, count: 0 })
  })

  it.skipIf(backend.skip)('is refused without an authorize hook, and to callers it does not allow: 403', async () => {
    const none = await open.call('GET', '/insights/enrollment')
    expect(none).toMatchObject({ status: 403, body: { error: { code: 'FORBIDDEN', message: expect.stringContaining('authorize') } } })
    expect(await guarded.call('GET', '/insights/enrollment')).toMatchObject({ status: 403, body: { error: { code: 'FORBIDDEN' } } })
  })

  it.skipIf(backend.skip)('answers hostile queries with a WorkflowError JSON: 400, 404 or 405, never a 5xx', async () => {
    const get = (path: string) => guarded.call('GET', path, undefined, analyst)
    expect(await get('/insights/nope')).toMatchObject({ status: 404, body: { error: { code: 'UNKNOWN_WORKFLOW' } } })
    expect(await get('/insights/%E0%A4%A')).toMatchObject({ status: 404, body: { error: { code: 'UNKNOWN_WORKFLOW' } } })
    const bad = [
      '/insights/enrollment?from=20&to=10',
      '/insights/enrollment?from=yesterday',
      '/insights/enrollment?to=99999999999999999999',
      '/insights/enrollment?version=',
      `/insights/enrollment?version=${'v'.repeat(101)}`,
      '/insights/enrollment?abandonAfter=-1',
      '/insights/enrollment?topPaths=0',
      '/insights/enrollment?topFields=1e3',
      '/insights/enrollment?drop=table',
    ]
    for (const path of bad) expect(await get(path), path).toMatchObject({ status: 400, body: { error: { code: 'INVALID_REQUEST' } } })
    expect((await get('/insights/enrollment?from=20&to=10')).body.error.message).toContain('`from` (20) is after `to` (10)')
    expect(await guarded.call('POST', '/insights/enrollment', {}, analyst)).toMatchObject({ status: 405 })
    expect(await get('/insights/enrollment/extra')).toMatchObject({ status: 404, body: { error: { code: 'NOT_FOUND' } } })
  })

  it.skipIf(backend.skip)('reads a version the store has no journeys of as empty, not as an error', async () => {
    const { status, body } = await guarded.call('GET', "/insights/enrollment?version=2'%20OR%201=1", undefined, analyst)
    expect(status).toBe(200)
    expect(body).toMatchObject({ version: "2' OR 1=1", journeys: { started: 0 }, steps: [] })
  })
})
