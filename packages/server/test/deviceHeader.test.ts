import { createWorkflow } from '@flowkit/core'
import { getPersistApi, persist } from '@flowkit/core/persist'
import { createFlowkitHandler, queryInsights } from '@flowkit/server'
import { httpStorage } from '@flowkit/server/client'
import { sqliteStore } from '@flowkit/server/sqlite'
import { afterEach, describe, expect, it } from 'vitest'
import { enrollment } from '../src/examples/enrollment'
import { familyEnrollment } from './helpers/api'

/** A browser's `localStorage`, one per pretend device. */
const deviceStorage = () => {
  const map = new Map<string, string>()
  return { getItem: (k: string) => map.get(k) ?? null, setItem: (k: string, v: string) => void map.set(k, v), map }
}
const original = Object.getOwnPropertyDescriptor(globalThis, 'localStorage')
afterEach(() => {
  if (original) Object.defineProperty(globalThis, 'localStorage', original)
  else delete (globalThis as { localStorage?: unknown }).localStorage
})
const onDevice = (storage: ReturnType<typeof deviceStorage>) =>
  Object.defineProperty(globalThis, 'localStorage', { value: storage, configurable: true, writable: true })

describe('the client names its device for journey insights', () => {
  it('sends one random id per browser as x-flowkit-device, kept in localStorage; a resume elsewhere counts as resumed', async () => {
    const store = sqliteStore({ filename: ':memory:' })
    const handler = createFlowkitHandler({ definitions: [enrollment], store, basePath: '/api' })
    const seen: (string | null)[] = []
    const fetcher = (async (input: RequestInfo | URL, init?: RequestInit) => {
      const request = new Request(input, init)
      seen.push(request.headers.get('x-flowkit-device'))
      return handler(request)
    }) as typeof fetch
    const drive = async (token: string | null, inputs: readonly unknown[]) => {
      const storage = httpStorage('http://flowkit.test/api', { token, debounce: 0, fetch: fetcher })
      const flow = createWorkflow(enrollment, { persist: persist({ key: 'enrollment', storage, skipHydration: true }) })
      await getPersistApi(flow)?.rehydrate()
      const detach = storage.attach(flow)
      for (const input of inputs) await flow.next(input)
      await storage.flush()
      detach()
      storage.destroy()
      return storage.getStatus().token as string
    }
    const phone = deviceStorage()
    onDevice(phone)
    const token = await drive(null, familyEnrollment.slice(0, 1))
    const phoneId = phone.map.get('flowkit:device')
    expect(phoneId).toMatch(/^[0-9a-f-]{36}$/)
    expect(seen.length).toBeGreaterThan(0)
    expect(new Set(seen)).toEqual(new Set([phoneId]))
    onDevice(deviceStorage())
    await drive(token, familyEnrollment.slice(1, 2))
    expect(seen.at(-1)).not.toBe(phoneId)
    const insights = await queryInsights(store, { workflow: 'enrollment' })
    expect(insights.journeys).toMatchObject({ started: 1, resumed: 1 })
    await store.close()
  })

  it('lets the headers option replace the id (a device id of your own, or none)', async () => {
    onDevice(deviceStorage())
    let header: string | null = 'unset'
    const fetcher = (async (input: RequestInfo | URL, init?: RequestInit) => {
      header = new Request(input, init).headers.get('x-flowkit-device')
      return new Response(JSON.stringify({ error: { code: 'NOT_FOUND', message: 'no such instance.' } }), { status: 404 })
    }) as typeof fetch
    const storage = httpStorage('http://flowkit.test/api', {
      token: 'a'.repeat(43),
      fetch: fetcher,
      headers: { 'x-flowkit-device': 'kiosk-7' },
    })
    await storage.getItem('enrollment')
    expect(header).toBe('kiosk-7')
    storage.destroy()
  })
})
