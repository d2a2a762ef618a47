import { createWorkflow, isWorkflowError, type Workflow } from '@flowkit/core'
import { getPersistApi, persist } from '@flowkit/core/persist'
import { createFlowkitHandler, type FlowkitHandler } from '@flowkit/server'
import { type HttpStorage, httpStorage, type SaveState } from '@flowkit/server/client'
import { type RunningServer, serve } from '@flowkit/server/node'
import { sqliteStore } from '@flowkit/server/sqlite'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { enrollment } from '../src/examples/enrollment'
import { api, basicEnrollment, familyEnrollment } from './helpers/api'

const store = sqliteStore({ filename: ':memory:' })
const requests: string[] = []
let handler: FlowkitHandler
let server: RunningServer
let url: string
beforeAll(async () => {
  const inner = createFlowkitHandler({
    definitions: [enrollment],
    store,
    basePath: '/api/flowkit',
    serverActions: { enrollment: { payment: [({ state }) => ({ paymentId: `pay_${state.price}` })] } },
  })
  handler = async (request) => {
    requests.push(`${request.method} ${new URL(request.url).pathname.replace(/[A-Za-z0-9_-]{43}/, ':token')}`)
    return inner(request)
  }
  server = await serve(handler, { port: 0 })
  url = `${server.url}/api/flowkit`
})
afterAll(async () => {
  await server.close()
  await store.close()
})

const cleanups: (() => void)[] = []
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup()
  requests.length = 0
})

/** A browser tab: a workflow persisted through its own httpStorage, hydrated. */
const tab = async (token: string | null = null, options: Parameters<typeof httpStorage>[1] = {}) => {
  const storage = httpStorage(url, { token, debounce: 30, retryDelay: 20, ...options })
  const flow = createWorkflow(enrollment, { persist: persist({ key: 'enrollment', storage, skipHydration: true }) })
  await getPersistApi(flow)?.rehydrate()
  const detach = storage.attach(flow)
  cleanups.push(() => {
    detach()
    storage.destroy()
    flow.destroy()
  })
  return { storage, flow }
}
const states = (storage: HttpStorage) => {
  const seen: SaveState[] = []
  cleanups.push(storage.subscribe((s) => seen.push(s.state)))
  return seen
}
const until = async (check: () => boolean, what: string) => {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((r) => setTimeout(r, 10))
  if (!check()) throw new Error(`timed out waiting for ${what}`)
}
const advance = async (flow: Workflow<any, any>, inputs: readonly unknown[]) => {
  for (const input of inputs) await flow.next(input)
}

describe('httpStorage', () => {
  it('saves after a pause, sending quick changes as one request, and reports saving then saved', async () => {
    let issued: string | undefined
    const { storage, flow } = await tab(null, { onToken: (t) => (issued = t) })
    const seen = states(storage)
    await advance(flow, basicEnrollment.slice(0, 2))
    await storage.flush()
    expect(requests).toEqual(['POST /api/flowkit/instances'])
    expect(storage.getStatus()).toMatchObject({ state: 'saved', version: 1, error: null })
    expect(storage.getStatus().token).toBe(issued)
    expect(seen).toContain('saving')
    expect(seen.at(-1)).toBe('saved')
    const onServer = await api(handler, url).load(issued as string)
    expect(onServer.body.snapshot.step).toBe('payment')
  })

  it('resumes on another device from the token alone', async () => {
    const first = await tab()
    await advance(first.flow, familyEnrollment.slice(0, 2))
    await first.storage.flush()
    const other = await tab(first.storage.getStatus().token)
    expect(other.flow.getSnapshot()).toMatchObject({ step: 'dependents', state: { plan: 'family', email: 'ada@example.com' } })
    expect(other.storage.getStatus()).toMatchObject({ state: 'saved', version: 1 })
  })

  it('keeps the other tab’s newer save on a conflict, says so, and rehydrates this tab with it', async () => {
    const a = await tab()
    await advance(a.flow, familyEnrollment.slice(0, 1))
    await a.storage.flush()
    const b = await tab(a.storage.getStatus().token)
    await advance(a.flow, [{ plan: 'family' }])
    await a.storage.flush()
    await advance(b.flow, [{ plan: 'basic' }])
    await b.storage.flush()
    expect(b.storage.getStatus()).toMatchObject({ state: 'conflict', version: 2, error: { code: 'VERSION_CONFLICT' } })
    // The client settled the conflict itself; the code has the category the handler gives its 409 (one table for both).
    expect(b.storage.getStatus().error?.category).toBe('server')
    await until(() => b.flow.getSnapshot().step === 'dependents', 'tab B to adopt tab A’s copy')
    expect(b.flow.getSnapshot().state.plan).toBe('family')
    expect((await api(handler, url).load(a.storage.getStatus().token as string)).body.version).toBe(2)
  })

  it('saves over the other copy when onConflict keeps the local one', async () => {
    const a = await tab()
    await advance(a.flow, familyEnrollment.slice(0, 1))
    await a.storage.flush()
    const b = await tab(a.storage.getStatus().token, { onConflict: () => 'local' })
    await advance(a.flow, [{ plan: 'family' }])
    await a.storage.flush()
    await advance(b.flow, [{ plan: 'basic' }])
    await b.storage.flush()
    expect(b.storage.getStatus()).toMatchObject({ state: 'saved', version: 3 })
    const onServer = await api(handler, url).load(a.storage.getStatus().token as string)
    expect(onServer.body.snapshot.step).toBe('payment')
  })

  it('goes offline while the server is down and saves once it is back', async () => {
    const own = await serve(handler, { port: 0 })
    const port = new URL(own.url).port
    const storage = httpStorage(`${own.url}/api/flowkit`, { debounce: 5, retryDelay: 20 })
    const flow = createWorkflow(enrollment, { persist: persist({ key: 'enrollment', storage, skipHydration: true }) })
    cleanups.push(() => storage.destroy())
    await own.close()
    await advance(flow, basicEnrollment.slice(0, 1))
    await until(() => storage.getStatus().state === 'offline', 'offline')
    expect(storage.getStatus().error?.code).toBe('NETWORK')
    expect(isWorkflowError(storage.getStatus().error) && storage.getStatus().error?.category).toBe('storage')
    const back = await serve(handler, { port: Number(port) })
    cleanups.push(() => void back.close())
    await until(() => storage.getStatus().state === 'saved', 'the retry to save')
    const onServer = await api(handler, url).load(storage.getStatus().token as string)
    expect(onServer.body.snapshot.step).toBe('plan')
  })

  it('submits the finished flow and gets the server-verified result', async () => {
    const { storage, flow } = await tab()
    await advance(flow, familyEnrollment)
    expect(flow.getSnapshot().status).toBe('done')
    const result = await storage.submit()
    expect(result).toMatchObject({ ok: true, result: { price: 30, paymentId: 'pay_30' } })
    expect(storage.getStatus()).toMatchObject({ submitted: true, state: 'saved' })
    expect(requests.filter((r) => r.endsWith('/submit'))).toHaveLength(1)
  })

  it('reports why a submission was refused', async () => {
    const { storage, flow } = await tab()
    await advance(flow, basicEnrollment.slice(0, 2))
    const result = await storage.submit()
    expect(result).toMatchObject({ ok: false, error: { code: 'NOT_FINISHED' } })
    if (!result.ok) expect(result.error.message).toMatch(/at step 'payment', not finished/)
    // The server's refusal comes back as Flowkit's one error class, with its category and the HTTP status.
    if (!result.ok) expect(isWorkflowError(result.error) && result.error.category).toBe('snapshot')
    if (!result.ok) expect(result.error.details).toMatchObject({ status: 422 })
  })

  it('says what a non-Flowkit answer was (a proxy’s 502 page): STORAGE_UNAVAILABLE, offline, and it retries', async () => {
    let calls = 0
    const proxy: typeof fetch = async () => {
      calls++
      return new Response('<html>Bad Gateway</html>', { status: 502, headers: { 'content-type': 'text/html' } })
    }
    const storage = httpStorage(url, { debounce: 5, retryDelay: 20, fetch: proxy })
    const flow = createWorkflow(enrollment, { persist: persist({ key: 'enrollment', storage, skipHydration: true }) })
    cleanups.push(() => storage.destroy())
    await advance(flow, basicEnrollment.slice(0, 1))
    await until(() => storage.getStatus().state === 'offline' && calls > 1, 'offline, retrying')
    const { error } = storage.getStatus()
    expect(isWorkflowError(error) && error.code).toBe('STORAGE_UNAVAILABLE')
    expect(error?.message).toContain('the server answered 502 without a Flowkit error')
  })

  it('takes a category and step from an answer only when they are ones Flowkit sends', async () => {
    const liar: typeof fetch = async () =>
      Response.json({ error: { code: 'VERSION_CONFLICT', category: 42, message: 'not yours', step: { evil: true } } }, { status: 409 })
    const storage = httpStorage(url, { debounce: 5, retryDelay: 20, fetch: liar })
    const flow = createWorkflow(enrollment, { persist: persist({ key: 'enrollment', storage, skipHydration: true }) })
    cleanups.push(() => storage.destroy())
    await advance(flow, basicEnrollment.slice(0, 1))
    await until(() => storage.getStatus().error !== null, 'the refusal')
    const { error } = storage.getStatus()
    expect(isWorkflowError(error) && [error.code, error.category, error.step, error.details]).toEqual([
      'VERSION_CONFLICT',
      'server',
      undefined,
      { status: 409 },
    ])
    // Nothing was ever saved: a submit is refused as NOT_SAVED, with the refusal that stopped the save as its cause.
    const refused = await storage.submit()
    expect(!refused.ok && [refused.error.code, refused.error.message, refused.error.cause]).toEqual(['NOT_SAVED', 'not yours', error])
  })

  it('starts fresh and says so when the token is unknown', async () => {
    const { storage, flow } = await tab('B'.repeat(43))
    expect(flow.getSnapshot().step).toBe('contact')
    expect(storage.getStatus()).toMatchObject({ state: 'error', error: { code: 'NOT_FOUND' } })
  })

  it('deletes the server copy when the storage is cleared', async () => {
    const { storage, flow } = await tab()
    await advance(flow, basicEnrollment.slice(0, 1))
    await storage.flush()
    const token = storage.getStatus().token as string
    await storage.removeItem('enrollment')
    expect(storage.getStatus()).toMatchObject({ state: 'idle', token: null })
    expect((await api(handler, url).load(token)).status).toBe(404)
  })
})
