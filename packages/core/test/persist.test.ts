import { createWorkflow, defineWorkflow, getPersistedSnapshot, resumeWorkflow, type WorkflowError } from '@flowkit/core'
import { getPersistApi, memoryStorage, persist, type StateStorage, webStorage } from '@flowkit/core/persist'
import { describe, expect, test } from 'vitest'

const flow = defineWorkflow({
  id: 'signup',
  initial: 'account',
  state: {} as { email?: string; password?: string; plan?: string },
  steps: { account: { next: 'plan' }, plan: { next: 'done' }, done: { final: true } },
})

/** The Web Storage interface over a Map, as a browser's localStorage behaves (Node has none). */
class MapStorage implements Storage {
  #items = new Map<string, string>()
  get length() {
    return this.#items.size
  }
  clear() {
    this.#items.clear()
  }
  getItem(key: string) {
    return this.#items.get(key) ?? null
  }
  key(index: number) {
    return [...this.#items.keys()][index] ?? null
  }
  removeItem(key: string) {
    this.#items.delete(key)
  }
  setItem(key: string, value: string) {
    this.#items.set(key, String(value))
  }
}

/** Storage whose every call resolves later, like IndexedDB or a server. */
const later = () => new Promise((resolve) => setTimeout(resolve, 0))
const asyncStorage = (inner: StateStorage): StateStorage => ({
  getItem: async (key) => {
    await later()
    return inner.getItem(key)
  },
  setItem: async (key, value) => {
    await later()
    await inner.setItem(key, value)
  },
  removeItem: async (key) => {
    await later()
    await inner.removeItem(key)
  },
})

const start = (storage: StateStorage, extra: Partial<Parameters<typeof persist>[0]> = {}, errors: WorkflowError[] = []) =>
  createWorkflow(flow, { persist: persist({ key: 'signup', storage, ...extra }), onError: (e) => errors.push(e) })

describe('persistence through zustand persist', () => {
  test('every change is saved, and a new instance resumes where the last one was (sync storage)', async () => {
    const storage = memoryStorage()
    const first = start(storage)
    await first.next({ email: 'ada@example.com' })
    first.setDraft('plan', { plan: 'te' })
    const second = start(storage)
    expect(second.getSnapshot().step).toBe('plan')
    expect(second.getSnapshot().state).toEqual({ email: 'ada@example.com' })
    expect(second.getSnapshot().drafts.plan).toEqual({ plan: 'te' })
  })

  test('web storage (localStorage, sessionStorage) works through webStorage()', async () => {
    const local = new MapStorage()
    const first = start(webStorage(() => local))
    await first.next({ email: 'ada@example.com' })
    expect(JSON.parse(local.getItem('signup') ?? '{}').state.step).toBe('plan')
    expect(start(webStorage(() => local)).getSnapshot().step).toBe('plan')
  })

  test('webStorage is safe where there is no storage (SSR): reads find nothing, writes are dropped', async () => {
    const workflow = start(
      webStorage(() => {
        throw new ReferenceError('localStorage is not defined')
      }),
    )
    await workflow.next({ email: 'a@b.c' })
    expect(workflow.getSnapshot().step).toBe('plan')
  })

  test('async storage hydrates after creation; hasHydrated and onFinishHydration say when', async () => {
    const storage = asyncStorage(memoryStorage())
    const first = start(storage)
    await first.next({ email: 'ada@example.com' })
    await new Promise((r) => setTimeout(r, 0))
    const second = start(storage)
    const api = getPersistApi(second)
    expect(api?.hasHydrated()).toBe(false)
    expect(second.getSnapshot().step).toBe('account')
    await new Promise<void>((resolve) => api?.onFinishHydration(() => resolve()))
    expect(second.getSnapshot().step).toBe('plan')
  })

  test('skipHydration waits for rehydrate() (for SSR: render the fresh state, then resume)', async () => {
    const storage = memoryStorage()
    await start(storage).next({ email: 'ada@example.com' })
    const later = start(storage, { skipHydration: true })
    expect(later.getSnapshot().step).toBe('account')
    await getPersistApi(later)?.rehydrate()
    expect(later.getSnapshot().step).toBe('plan')
  })

  test('excluded fields never reach storage', async () => {
    const storage = memoryStorage()
    const workflow = start(storage, { exclude: ['password'] })
    await workflow.next({ email: 'ada@example.com', password: 'hunter2' })
    expect(storage.getItem('signup')).not.toContain('hunter2')
    expect(workflow.getSnapshot().state.password).toBe('hunter2')
  })

  test('an expired snapshot is ignored: the flow starts fresh and onError says SNAPSHOT_EXPIRED', async () => {
    const storage = memoryStorage()
    let now = 0
    await createWorkflow(flow, { now: () => now, persist: persist({ key: 'signup', storage }) }).next({ email: 'a@b.c' })
    now = 60_000
    const errors: WorkflowError[] = []
    const later = createWorkflow(flow, {
      now: () => now,
      persist: persist({ key: 'signup', storage, expiresIn: 30_000 }),
      onError: (e) => errors.push(e),
    })
    expect(later.getSnapshot().step).toBe('account')
    expect(errors.map((e) => e.code)).toEqual(['SNAPSHOT_EXPIRED'])
  })

  test('unreadable stored data (not JSON) is reported and the flow starts fresh', () => {
    const errors: WorkflowError[] = []
    const workflow = start(memoryStorage([['signup', '{not json']]), {}, errors)
    expect(workflow.getSnapshot().step).toBe('account')
    expect(errors[0]?.code).toBe('INVALID_SNAPSHOT')
    expect(errors[0]?.message).toContain("the stored snapshot 'signup' is not valid JSON")
  })

  test('stored data of the wrong shape is reported and the flow starts fresh', () => {
    const errors: WorkflowError[] = []
    const workflow = start(
      memoryStorage([['signup', JSON.stringify({ state: { workflow: 'signup', path: 'x' }, version: 0 })]]),
      {},
      errors,
    )
    expect(workflow.getSnapshot().step).toBe('account')
    expect(errors[0]?.code).toBe('INVALID_SNAPSHOT')
  })

  test('storage that throws (quota exceeded) is reported; the flow goes on', async () => {
    const errors: WorkflowError[] = []
    const full: StateStorage = {
      getItem: () => null,
      setItem: () => {
        throw new Error('QuotaExceededError')
      },
      removeItem: () => {},
    }
    const workflow = start(full, {}, errors)
    const after = await workflow.next({ email: 'a@b.c' })
    expect(after.step).toBe('plan')
    expect(errors.some((e) => e.code === 'STORAGE_FAILED' && e.message.includes('QuotaExceededError'))).toBe(true)
  })

  test('reset() saves the fresh state; clearStorage() removes it', async () => {
    const storage = memoryStorage()
    const workflow = start(storage)
    await workflow.next({ email: 'a@b.c' })
    workflow.reset()
    expect(start(storage).getSnapshot().step).toBe('account')
    getPersistApi(workflow)?.clearStorage()
    expect(storage.size).toBe(0)
  })

  test('persist() without a key is a clear error', () => {
    expect(() => persist({} as never)).toThrow('persist() needs a `key`')
  })

  test('getPersistApi is undefined for a workflow without persistence', () => {
    expect(getPersistApi(createWorkflow(flow))).toBeUndefined()
  })
})

describe('what persistence keeps, exactly', () => {
  const cards = defineWorkflow({
    id: 'cards',
    initial: 'pay',
    state: {} as { cards?: { name: string; number: string }[]; card?: { cvc: string } },
    steps: { pay: { next: 'review' }, review: { next: 'done' }, done: { final: true } },
  })

  test("exclude reaches into arrays: 'cards.number' drops the number of every card; '*' matches any key", async () => {
    const storage = memoryStorage()
    const workflow = createWorkflow(cards, { persist: persist({ key: 'cards', storage, exclude: ['cards.number', '*.cvc'] }) })
    await workflow.next({
      cards: [
        { name: 'Ada', number: '4242424242424242' },
        { name: 'Bob', number: '5555444433331111' },
      ],
      card: { cvc: '123' },
    })
    const stored = storage.getItem('cards') as string
    expect(stored).not.toContain('4242')
    expect(stored).not.toContain('5555')
    expect(stored).not.toContain('123')
    expect(stored).toContain('Ada')
    expect(workflow.getSnapshot().state.cards?.[0]?.number).toBe('4242424242424242')
  })

  test("another tab's save never wipes what is excluded from storage: this tab keeps its card number", async () => {
    const shop = defineWorkflow({
      id: 'shop',
      initial: 'address',
      state: {} as { city?: string; card?: { name: string; number: string; cvc?: string } },
      steps: { address: { next: 'pay' }, pay: { next: 'review' }, review: { next: 'done' }, done: { final: true } },
    })
    const storage = memoryStorage()
    const options = { persist: persist({ key: 'shop', storage, exclude: ['card.number', 'card.cvc'] }) }
    const tabA = createWorkflow(shop, options)
    await tabA.next({ city: 'Leeds' })
    await tabA.next({ card: { name: 'Ada', number: '4242424242424242', cvc: '123' } })
    // Tab B opens the same flow from storage (no card number there) and changes the address.
    const tabB = createWorkflow(shop, options)
    await tabB.goTo('address')
    await tabB.next({ city: 'York' })
    expect(storage.getItem('shop')).not.toContain('4242')
    await getPersistApi(tabA)?.rehydrate()
    // Tab A follows: the new address, and the payment form still holds what this tab was given.
    expect(tabA.getSnapshot().state.city).toBe('York')
    expect(tabA.getSnapshot().step).toBe('pay')
    expect(tabA.getSnapshot().drafts.pay).toEqual({ card: { name: 'Ada', number: '4242424242424242', cvc: '123' } })
    expect(storage.getItem('shop')).not.toContain('4242')
    // Only fields the other tab's save lacks are put back: a name it changed arrives.
    tabB.setDraft('pay', { card: { name: 'Bob' } })
    await getPersistApi(tabA)?.rehydrate()
    expect(tabA.getSnapshot().drafts.pay).toEqual({ card: { name: 'Bob', number: '4242424242424242', cvc: '123' } })
  })

  test('a snapshot dated in the future never outlives expiresIn: it is refused as SNAPSHOT_EXPIRED', () => {
    const errors: WorkflowError[] = []
    const saved = getPersistedSnapshot(createWorkflow(cards, { now: () => Date.now() + 365 * 86_400_000 }))
    const storage = memoryStorage([['cards', JSON.stringify({ state: saved, version: 0 })]])
    const workflow = createWorkflow(cards, {
      persist: persist({ key: 'cards', storage, expiresIn: 60_000 }),
      onError: (e) => errors.push(e),
    })
    expect(errors.map((e) => e.code)).toEqual(['SNAPSHOT_EXPIRED'])
    expect(workflow.getSnapshot().step).toBe('pay')
  })

  test('what migrate returns is checked like any stored snapshot', () => {
    const v2 = defineWorkflow({ ...cards, version: 2 } as typeof cards)
    const old = getPersistedSnapshot(createWorkflow(cards))
    const errors: WorkflowError[] = []
    resumeWorkflow(v2, old, { migrate: (s) => s, onError: (e) => errors.push(e) })
    expect(errors[0]?.code).toBe('INVALID_SNAPSHOT')
    expect(errors[0]?.message).toContain('return one of version 2')
  })

  test('a draft cleared with setDraft(step, undefined) does not come back on resume', async () => {
    const storage = memoryStorage()
    const first = createWorkflow(cards, { persist: persist({ key: 'cards', storage }) })
    first.setDraft('pay', { card: { cvc: '1' } })
    first.setDraft('pay', undefined)
    const second = createWorkflow(cards, { persist: persist({ key: 'cards', storage }) })
    expect(second.getSnapshot().drafts).toEqual({})
  })

  test('a stored value of another persist version goes to onError, never to console.error', () => {
    const logged: unknown[] = []
    const original = console.error
    console.error = (...args: unknown[]) => logged.push(args)
    try {
      const errors: WorkflowError[] = []
      const storage = memoryStorage([['cards', JSON.stringify({ state: { workflow: 'cards', path: 'nope' }, version: 7 })]])
      createWorkflow(cards, { persist: persist({ key: 'cards', storage }), onError: (e) => errors.push(e) })
      expect(errors[0]?.code).toBe('INVALID_SNAPSHOT')
      expect(logged).toEqual([])
    } finally {
      console.error = original
    }
  })

  test('a Date in state does not pretend to survive the trip: it is refused with a hint', async () => {
    const workflow = createWorkflow(cards)
    const after = await workflow.next({ when: new Date() })
    expect(after.error?.code).toBe('INVALID_INPUT')
    expect(after.error?.message).toContain('send date.toISOString()')
  })
})
