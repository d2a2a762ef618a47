import { getPersistedSnapshot } from '@flowkit/core'
import { describe, expect, it } from 'vitest'
import { contact, MemoryWebStorage, saved, tabsOnOneServer } from './helpers/browsers'

let release: () => void = () => {}
let charges = 0
const { network, open } = tabsOnOneServer({
  serverActions: {
    enrollment: {
      payment: [
        async () => {
          charges++
          await new Promise<void>((resolve) => {
            release = resolve
          })
          return { receipt: `R-${charges}` }
        },
      ],
    },
  },
})

describe('two devices submit the same flow at once', () => {
  it('the second waits as the server asks (409 SUBMISSION_IN_PROGRESS, Retry-After) and gets the one result', async () => {
    const a = await open(new MemoryWebStorage(), network)
    for (const input of [contact, { plan: 'basic' }, { cardToken: 'tok_visa' }]) await a.flow.next(input)
    await a.flow.next()
    await saved(a)
    const token = a.storage.getStatus().token as string
    const b = await open(new MemoryWebStorage(), network, { token })
    expect(b.flow.getSnapshot().status).toBe('done')
    const first = a.storage.submit(getPersistedSnapshot(a.flow))
    await new Promise((r) => setTimeout(r, 100)) // A's submission holds the instance while its payment runs
    const second = b.storage.submit(getPersistedSnapshot(b.flow))
    await new Promise((r) => setTimeout(r, 300))
    expect(network.requests.filter((r) => r.endsWith('/submit')).length).toBe(2) // B was told to wait
    release()
    const [x, y] = await Promise.all([first, second])
    expect(x).toMatchObject({ ok: true, result: { receipt: 'R-1' } })
    expect(y).toMatchObject({ ok: true, result: { receipt: 'R-1' } })
    expect(charges).toBe(1)
    expect(network.requests.filter((r) => r.endsWith('/submit')).length).toBe(3) // and asked once more
  }, 15_000)
})
