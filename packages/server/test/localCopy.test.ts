import { createWorkflow, type WorkflowError } from '@flowkit/core'
import { getPersistApi, persist, webStorage } from '@flowkit/core/persist'
import { localFirstStorage } from '@flowkit/server/client'
import { describe, expect, it } from 'vitest'
import { enrollment } from '../src/examples/enrollment'
import { API, contact, MemoryWebStorage, saved, tabsOnOneServer } from './helpers/browsers'

const { network, open } = tabsOnOneServer()

describe('this browser’s copy, as local-first storage finds it', () => {
  it('resumes a copy saved before sync (plain persist envelope) and sends it to the server as a new flow', async () => {
    const local = new MemoryWebStorage()
    const before = createWorkflow(enrollment, { persist: persist({ key: 'enrollment', storage: webStorage(() => local) }) })
    await before.next(contact)
    before.destroy()
    const tab = await open(local, network)
    expect(tab.flow.getSnapshot().step).toBe('plan')
    await saved(tab)
    expect(network.requests).toEqual(['POST /api/flowkit/instances'])
  })

  it('hands damaged text to persist, which reports it, and the flow starts fresh', async () => {
    const local = new MemoryWebStorage()
    local.setItem('enrollment', '{"state": {"workflow": "enrollment", "path": [{')
    const problems: WorkflowError[] = []
    const storage = localFirstStorage({ url: API, fetch: network.fetch, local: () => local, channel: 'flowkit-damaged' })
    const flow = createWorkflow(enrollment, {
      persist: persist({ key: 'enrollment', storage, skipHydration: true }),
      onError: (error) => problems.push(error),
    })
    await getPersistApi(flow)?.rehydrate()
    expect(problems.map((p) => p.code)).toEqual(['INVALID_SNAPSHOT'])
    expect(flow.getSnapshot().step).toBe('contact')
    await flow.next(contact)
    await storage.flush()
    expect(storage.getStatus()).toMatchObject({ state: 'saved', version: 1 })
    storage.destroy()
    flow.destroy()
  })
})
