import { getPersistedSnapshot, isWorkflowError } from '@flowkit/core'
import type { SaveState } from '@flowkit/server/client'
import { describe, expect, it } from 'vitest'
import { contact, MemoryWebStorage, saved, tabsOnOneServer, until } from './helpers/browsers'

const { network, open } = tabsOnOneServer()
const serverCopy = async (token: string) =>
  (await network.handler(new Request(`http://flowkit.test/api/flowkit/instances/${token}`))).json()

/** A flow saved once, then three steps completed with the network down. */
const threeStepsOffline = async (local: MemoryWebStorage) => {
  const a = await open(local, network)
  await a.flow.next(contact)
  await saved(a)
  network.down = true
  for (const input of [{ plan: 'family' }, { dependents: 3 }, { cardToken: 'tok_visa' }]) await a.flow.next(input)
  return { a, token: a.storage.getStatus().token as string }
}

describe('local-first sync while offline: an unsaved-change queue that retries', () => {
  it('says so, as STORAGE_FAILED, when the browser will not keep the flow (storage full or turned off)', async () => {
    const local = new MemoryWebStorage()
    const a = await open(local, network)
    local.setItem = () => {
      throw new Error('QuotaExceededError')
    }
    await a.flow.next(contact)
    await until(() => a.storage.getStatus().state === 'error', 'the error state')
    const { error } = a.storage.getStatus()
    expect(isWorkflowError(error) && [error.code, error.category]).toEqual(['STORAGE_FAILED', 'storage'])
    expect(error?.message).toBe('this browser refused to keep the flow: QuotaExceededError.')
    expect(error?.cause).toMatchObject({ message: 'QuotaExceededError' })
  })

  it('keeps three steps completed offline, reports offline, then saves them all once the server is back', async () => {
    const { a, token } = await threeStepsOffline(new MemoryWebStorage())
    await until(() => a.storage.getStatus().state === 'offline', 'offline')
    expect(a.storage.getStatus().error?.code).toBe('NETWORK')
    network.down = false
    await saved(a)
    const copy = await serverCopy(token)
    expect(copy.snapshot.step).toBe('review')
    expect(copy.snapshot.path.map((f: { step: string }) => f.step)).toEqual(['contact', 'plan', 'dependents', 'payment'])
  })

  it('a reload while offline resumes from this browser; back online, nothing is lost and the badge goes from offline to saved', async () => {
    const local = new MemoryWebStorage()
    const { a, token } = await threeStepsOffline(local)
    a.close()
    const reloaded = await open(local, network)
    expect(reloaded.flow.getSnapshot()).toMatchObject({ step: 'review', state: { dependents: 3, plan: 'family' } })
    expect(reloaded.storage.getStatus().state).toBe('offline')
    const seen: SaveState[] = []
    reloaded.storage.subscribe((s) => seen.push(s.state))
    network.down = false
    await saved(reloaded)
    expect(seen.at(-1)).toBe('saved')
    expect(reloaded.storage.getStatus().notice).toBeNull()
    expect((await serverCopy(token)).snapshot.step).toBe('review')
    expect(reloaded.flow.getSnapshot().state).toMatchObject({ email: 'ada@example.com', dependents: 3 })
  })

  it('retries with growing delays while the server is down, and stops once the change is saved', async () => {
    const a = await open(new MemoryWebStorage(), network, { retryDelay: 5 })
    await a.flow.next(contact)
    await saved(a)
    network.down = true
    const before = network.attempts
    await a.flow.next({ plan: 'basic' })
    await new Promise((r) => setTimeout(r, 300))
    const whileDown = network.attempts - before
    // 5, 10, 20, 40, 80, 160 ms: about six tries in 300 ms (a fixed 5 ms delay would make sixty).
    expect(whileDown).toBeGreaterThanOrEqual(3)
    expect(whileDown).toBeLessThanOrEqual(10)
    network.down = false
    await saved(a)
    const after = network.attempts
    await new Promise((r) => setTimeout(r, 100))
    expect(network.attempts).toBe(after)
  })

  it('a save the server refuses (422) says why, and the next change tries again', async () => {
    const a = await open(new MemoryWebStorage(), network)
    await a.flow.next(contact)
    await saved(a)
    // A snapshot the server cannot resume: it claims a step its path does not reach.
    const broken = { ...getPersistedSnapshot(a.flow), step: 'review' }
    a.storage.setItem('enrollment', JSON.stringify({ state: broken, version: 0 }))
    await until(() => a.storage.getStatus().state === 'error', 'the refusal')
    expect(a.storage.getStatus().error?.code).toBe('STEP_NOT_ON_PATH')
    await a.flow.next({ plan: 'basic' })
    await saved(a)
    expect(a.storage.getStatus().error).toBeNull()
  })

  it('a rate-limited save (429 RATE_LIMITED) waits and is sent again, not reported as refused', async () => {
    const a = await open(new MemoryWebStorage(), network)
    await a.flow.next(contact)
    await saved(a)
    let limited = 2
    network.intercept = (request) =>
      request.method === 'PUT' && limited-- > 0
        ? Response.json({ error: { code: 'RATE_LIMITED', message: 'too many requests' } }, { status: 429, headers: { 'retry-after': '1' } })
        : null
    await a.flow.next({ plan: 'basic' })
    await until(() => a.storage.getStatus().state === 'offline', 'the wait')
    await saved(a)
    expect(limited).toBe(-1)
    expect(a.storage.getStatus()).toMatchObject({ version: 2, error: null })
  })

  it('stays in this browser without a server: nothing is sent and the status is idle', async () => {
    const a = await open(new MemoryWebStorage(), null)
    await a.flow.next(contact)
    await a.storage.flush()
    expect(a.storage.getStatus()).toMatchObject({ state: 'idle', token: null })
    expect(network.requests).toEqual([])
  })
})
