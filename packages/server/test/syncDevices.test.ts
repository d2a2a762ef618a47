import { getPersistedSnapshot } from '@flowkit/core'
import { describe, expect, it } from 'vitest'
import { API, contact, MemoryWebStorage, saved, tabsOnOneServer, until } from './helpers/browsers'

const { network, open } = tabsOnOneServer()

/** Device A makes the flow; device B opens its link. Each has its own browser storage. */
const twoDevices = async () => {
  const a = await open(new MemoryWebStorage(), network)
  await a.flow.next(contact)
  await saved(a)
  const token = a.storage.getStatus().token as string
  const b = await open(new MemoryWebStorage(), network, { token })
  return { a, b, token }
}

describe('local-first sync between devices: decided by the server version a change was made on', () => {
  it('opens with one load, even when the flow hydrates twice at once (StrictMode effects)', async () => {
    const { token } = await twoDevices()
    network.requests.length = 0
    const local = new MemoryWebStorage()
    const c = await open(local, network, { token })
    const [first, second] = await Promise.all([c.storage.getItem('enrollment'), c.storage.getItem('enrollment')])
    expect(first).toBe(second)
    expect(network.requests).toEqual(['GET /api/flowkit/instances/:token'])
    expect(c.storage.getStatus()).toMatchObject({ state: 'saved', notice: null })
  })

  it('a device whose base is older adopts the newer copy when both moved on, says so, and never overwrites it', async () => {
    const { a, b, token } = await twoDevices()
    await b.flow.next({ plan: 'family' })
    await b.flow.next({ dependents: 2 })
    await saved(b)
    const newer = getPersistedSnapshot(b.flow)
    // A is still on `plan` (base version 1) and continues: its save is refused and B's copy wins.
    await a.flow.next({ plan: 'basic' })
    await until(() => a.storage.getStatus().notice !== null, 'the notice')
    expect(a.storage.getStatus()).toMatchObject({
      state: 'conflict',
      notice: { kind: 'adopted', source: 'device', steps: ['plan', 'dependents'] },
    })
    await until(() => a.flow.getSnapshot().step === 'payment', 'A to show B’s copy')
    expect(a.flow.getSnapshot().state).toMatchObject({ plan: 'family', dependents: 2 })
    await a.storage.flush()
    const stored = (await network.handler(new Request(`http://flowkit.test/api/flowkit/instances/${token}`))).json()
    expect((await stored).snapshot.path).toEqual(newer.path)
  })

  it('a device with a clock far ahead still loses to the newer server version', async () => {
    const { a, b } = await twoDevices()
    await b.flow.next({ plan: 'family' })
    await saved(b)
    const realNow = Date.now
    Date.now = () => realNow() + 365 * 24 * 3600 * 1000
    try {
      await a.flow.next({ plan: 'basic' })
      await until(() => a.storage.getStatus().notice !== null, 'the notice')
    } finally {
      Date.now = realNow
    }
    expect(a.storage.getStatus().notice?.kind).toBe('adopted')
    expect(a.flow.getSnapshot().state.plan).toBe('family')
  })

  it('merges when the devices changed different steps, and saves the merge on top of the newer version', async () => {
    const { a, b, token } = await twoDevices()
    b.flow.setDraft('payment', { cardToken: 'tok_b' })
    await saved(b)
    await a.flow.next({ plan: 'basic' })
    await until(() => a.storage.getStatus().notice !== null, 'the notice')
    expect(a.storage.getStatus().notice).toMatchObject({ kind: 'merged', source: 'device', steps: ['payment'] })
    await saved(a)
    expect(a.flow.getSnapshot()).toMatchObject({ step: 'payment', drafts: { payment: { cardToken: 'tok_b' } } })
    const reply = await network.handler(new Request(`http://flowkit.test/api/flowkit/instances/${token}`))
    const server = await reply.json()
    expect(server.version).toBe(3) // 1 made by A, 2 B's draft, 3 the merge
    expect(server.snapshot.step).toBe('payment')
    expect(server.snapshot.drafts.payment).toEqual({ cardToken: 'tok_b' })
  })

  it('a device opening later follows the other device and says so', async () => {
    const local = new MemoryWebStorage()
    const a = await open(local, network)
    await a.flow.next(contact)
    await saved(a)
    const token = a.storage.getStatus().token as string
    const b = await open(new MemoryWebStorage(), network, { token })
    await b.flow.next({ plan: 'family' })
    await saved(b)
    a.close()
    const again = await open(local, network)
    expect(again.flow.getSnapshot().step).toBe('dependents')
    expect(again.storage.getStatus()).toMatchObject({ state: 'saved', notice: { kind: 'updated', source: 'device' } })
  })

  it('a reloaded device with no change of its own since its older base adopts the server copy entirely: step, path, state', async () => {
    const local = new MemoryWebStorage()
    const a = await open(new MemoryWebStorage(), network)
    await a.flow.next(contact)
    await saved(a)
    const token = a.storage.getStatus().token as string
    const b = await open(local, network, { token })
    expect(b.flow.getSnapshot().step).toBe('plan')
    const seenByB = b.storage.getStatus().version
    b.close()
    await a.flow.next({ plan: 'basic' })
    await saved(a)
    const server = getPersistedSnapshot(a.flow)
    network.requests.length = 0
    // The reload: the link's token is no longer in the address, this browser remembers it.
    const reloaded = await open(local, network)
    expect(reloaded.flow.getSnapshot().step).toBe(server.step)
    expect(reloaded.flow.getSnapshot().history).toEqual(a.flow.getSnapshot().history)
    expect(getPersistedSnapshot(reloaded.flow)).toMatchObject({ step: 'payment', path: server.path, drafts: server.drafts })
    expect(reloaded.flow.getSnapshot().state).toMatchObject({ plan: 'basic' })
    expect(reloaded.storage.getStatus()).toMatchObject({
      state: 'saved',
      version: a.storage.getStatus().version,
      notice: { kind: 'updated', source: 'device', steps: ['plan'] },
    })
    expect(reloaded.storage.getStatus().version).toBeGreaterThan(seenByB as number)
    await reloaded.storage.flush()
    expect(network.requests).toEqual(['GET /api/flowkit/instances/:token']) // it only looked: nothing sent back
  })

  it('a device whose only unsaved change is when it was saved (no answer changed) adopts the newer copy too', async () => {
    const local = new MemoryWebStorage()
    const a = await open(new MemoryWebStorage(), network)
    await a.flow.next(contact)
    await saved(a)
    const token = a.storage.getStatus().token as string
    const b = await open(local, network, { token, debounce: 10_000 })
    const value = (await b.storage.getItem('enrollment')) as string
    const envelope = JSON.parse(value)
    // Re-persisted with a later savedAt only, and reloaded before the debounced save.
    b.storage.setItem('enrollment', JSON.stringify({ ...envelope, state: { ...envelope.state, savedAt: envelope.state.savedAt + 1 } }))
    expect(b.storage.getStatus().state).toBe('saving')
    b.close()
    await a.flow.next({ plan: 'family' })
    await saved(a)
    const reloaded = await open(local, network)
    expect(getPersistedSnapshot(reloaded.flow)).toMatchObject({ step: 'dependents', path: getPersistedSnapshot(a.flow).path })
    expect(reloaded.storage.getStatus()).toMatchObject({ state: 'saved', notice: { kind: 'updated', source: 'device', steps: ['plan'] } })
  })

  it('a page coming back into view asks the server, and follows the device that moved on meanwhile', async () => {
    const page = Object.assign(new EventTarget(), { visibilityState: 'hidden' })
    Object.assign(globalThis, { document: page })
    try {
      const { a, b } = await twoDevices()
      await b.flow.next({ plan: 'family' })
      await saved(b)
      expect(a.flow.getSnapshot().step).toBe('plan') // A was in the background: it does not know yet
      page.visibilityState = 'visible'
      page.dispatchEvent(new Event('visibilitychange'))
      await until(() => a.flow.getSnapshot().step === 'dependents', 'A to follow B')
      expect(a.storage.getStatus()).toMatchObject({ state: 'saved', version: 2, notice: { kind: 'updated', source: 'device' } })
    } finally {
      Reflect.deleteProperty(globalThis, 'document')
    }
  })

  it('starting over deletes the server copy, but not one another device saved newer work on', async () => {
    const { a, b, token } = await twoDevices()
    await b.flow.next({ plan: 'family' })
    await saved(b)
    await a.storage.removeItem('enrollment')
    expect((await network.handler(new Request(`${API}/instances/${token}`))).status).toBe(200)
    await b.storage.removeItem('enrollment')
    expect((await network.handler(new Request(`${API}/instances/${token}`))).status).toBe(404)
  })

  it('a reload before the debounced save keeps the step just completed and sends it', async () => {
    const local = new MemoryWebStorage()
    const a = await open(local, network, { debounce: 10_000 })
    await a.flow.next(contact)
    await a.storage.flush()
    await a.flow.next({ plan: 'basic' }) // the save waits 10 s: the page is reloaded before
    a.close()
    network.requests.length = 0
    const reloaded = await open(local, network)
    expect(reloaded.flow.getSnapshot().step).toBe('payment')
    await saved(reloaded)
    expect(network.requests).toEqual(['GET /api/flowkit/instances/:token', 'PUT /api/flowkit/instances/:token'])
    expect(reloaded.storage.getStatus()).toMatchObject({ version: 2, notice: null })
  })

  it('the submit of the device that moved on is accepted after the other device adopted its copy', async () => {
    const { a, b } = await twoDevices()
    for (const input of [{ plan: 'basic' }, { cardToken: 'tok_visa' }]) await b.flow.next(input)
    await saved(b)
    await a.flow.next({ plan: 'family' })
    await until(() => a.storage.getStatus().notice?.kind === 'adopted', 'A to adopt')
    await b.flow.next()
    const result = await b.storage.submit(getPersistedSnapshot(b.flow))
    expect(result).toMatchObject({ ok: true, result: { plan: 'basic', price: 10 } })
    expect(b.flow.getSnapshot().status).toBe('done')
    expect(await b.storage.submit()).toBe(result) // one submission, however often asked (StrictMode)
  })

  it('an unknown link is reported, and the flow goes on from this browser as a new instance', async () => {
    const c = await open(new MemoryWebStorage(), network, { token: 'x'.repeat(43) })
    expect(c.storage.getStatus().linkProblem).toMatchObject({ code: 'NOT_FOUND' })
    await c.flow.next(contact)
    await saved(c)
    expect(c.storage.getStatus().token).not.toBe('x'.repeat(43))
  })

  it('a link to another flow replaces this browser’s copy of a different one', async () => {
    const { token } = await twoDevices()
    const local = new MemoryWebStorage()
    const mine = await open(local, network)
    await mine.flow.next({ email: 'zed@example.com', name: 'Zed' })
    await saved(mine)
    mine.close()
    const linked = await open(local, network, { token })
    expect(linked.flow.getSnapshot().state.name).toBe('Ada')
    expect(linked.storage.getStatus().token).toBe(token)
  })
})
