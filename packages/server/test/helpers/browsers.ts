import { createWorkflow, type Workflow } from '@flowkit/core'
import { getPersistApi, persist } from '@flowkit/core/persist'
import { createFlowkitHandler, type FlowkitHandler, type FlowkitHandlerOptions } from '@flowkit/server'
import { type LocalFirstStorage, type LocalFirstStorageOptions, localFirstStorage } from '@flowkit/server/client'
import { sqliteStore } from '@flowkit/server/sqlite'
import { afterAll, afterEach } from 'vitest'
import { enrollment } from '../../src/examples/enrollment'

export const API = 'http://flowkit.test/api/flowkit'

/** Web storage in memory: one per browser, shared by its tabs (as `localStorage` is). */
export class MemoryWebStorage implements Storage {
  readonly #items = new Map<string, string>()
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

/** The server as a test reaches it. */
export interface FakeNetwork {
  /** While `true`, every request fails as a dropped connection does. */
  down: boolean
  /** What reached the server: `METHOD /path` with tokens as `:token`. */
  readonly requests: string[]
  /** Every request tried, including those that failed while down. */
  attempts: number
  /** Answers a request instead of the server when it returns a response (e.g. a 429). */
  intercept: ((request: Request) => Response | null) | null
  readonly handler: FlowkitHandler
  readonly fetch: typeof fetch
  close(): Promise<void>
}

/** The real Flowkit handler on SQLite in memory, reached through a `fetch` that can be cut or intercepted. */
export const flowkitServer = (options: Partial<FlowkitHandlerOptions> = {}): FakeNetwork => {
  const store = sqliteStore({ filename: ':memory:' })
  const handler: FlowkitHandler = createFlowkitHandler({ definitions: [enrollment], store, basePath: '/api/flowkit', ...options })
  const network: FakeNetwork = {
    down: false,
    requests: [],
    attempts: 0,
    intercept: null,
    handler,
    fetch: async (input, init) => {
      network.attempts++
      if (network.down) throw new TypeError('Failed to fetch')
      const request = new Request(input, init)
      const answer = network.intercept?.(request)
      if (answer) return answer
      network.requests.push(`${request.method} ${new URL(request.url).pathname.replace(/[A-Za-z0-9_-]{43}/, ':token')}`)
      return handler(request)
    },
    close: () => store.close(),
  }
  return network
}

export interface Tab {
  readonly storage: LocalFirstStorage
  readonly flow: Workflow<any, any>
  close(): void
}

let browsers = 0
/**
 * A tab of a browser (`local`): the enrollment workflow persisted through its own local-first storage, hydrated.
 * Tabs of one browser share `local` and a `channel` name; without one, the tab is alone in its browser (a device).
 */
export const openTab = async (
  local: Storage,
  network: FakeNetwork | null,
  options: Partial<LocalFirstStorageOptions> = {},
  channel = `flowkit-device-${++browsers}`,
): Promise<Tab> => {
  const storage = localFirstStorage({
    ...(network && { url: API, fetch: network.fetch }),
    local: () => local,
    channel,
    debounce: 20,
    retryDelay: 10,
    ...options,
  })
  const flow = createWorkflow(enrollment, { persist: persist({ key: 'enrollment', storage, skipHydration: true }) })
  const detach = storage.attach(flow)
  await getPersistApi(flow)?.rehydrate()
  return {
    storage,
    flow,
    close() {
      detach()
      storage.destroy()
      flow.destroy()
    },
  }
}

/** Waits (up to 2 s) until `check` holds. */
export const until = async (check: () => boolean, what: string) => {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((r) => setTimeout(r, 10))
  if (!check()) throw new Error(`timed out waiting for ${what}`)
}

/** Resolves once the storage has nothing unsaved and the server confirmed it. */
export const saved = (tab: Tab) => until(() => tab.storage.getStatus().state === 'saved', 'the save')

export const contact = { email: 'ada@example.com', name: 'Ada' }

/** For one test file: a server, and `open` for tabs that are closed (and the network restored) after each test. */
export const tabsOnOneServer = (options: Partial<FlowkitHandlerOptions> = {}) => {
  const network = flowkitServer(options)
  const tabs: Tab[] = []
  afterAll(() => network.close())
  afterEach(() => {
    for (const tab of tabs.splice(0)) tab.close()
    network.requests.length = 0
    network.down = false
    network.intercept = null
  })
  const open = async (...args: Parameters<typeof openTab>) => {
    const tab = await openTab(...args)
    tabs.push(tab)
    return tab
  }
  return { network, open }
}
