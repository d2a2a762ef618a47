import { getPersistedSnapshot } from '@flowkit/core'
import { describe, expect, it } from 'vitest'
import { envelopeOf } from '../src/client/localRecord'
import { contact, MemoryWebStorage, saved, tabsOnOneServer, until } from './helpers/browsers'

const { network, open } = tabsOnOneServer()
let channels = 0
/** Two tabs of one browser: one web storage, one BroadcastChannel name (unique per test). */
const twoTabs = async (withServer: boolean) => {
  const local = new MemoryWebStorage()
  const channel = `flowkit-test-${++channels}`
  const first = await open(local, withServer ? network : null, {}, channel)
  const second = await open(local, withServer ? network : null, {}, channel)
  return { local, first, second }
}

describe('two tabs of one flow see each other’s changes and say so', () => {
  it('in this browser only (no server): a step completed in one tab shows in the other, with a notice', async () => {
    const { first, second } = await twoTabs(false)
    await first.flow.next(contact)
    await until(() => second.flow.getSnapshot().step === 'plan', 'the second tab to follow')
    expect(second.storage.getStatus().notice).toMatchObject({ kind: 'updated', source: 'tab', steps: ['contact'] })
    expect(first.storage.getStatus().notice).toBeNull()
    await second.flow.next({ plan: 'family' })
    await until(() => first.flow.getSnapshot().step === 'dependents', 'the first tab to follow')
    expect(first.storage.getStatus().notice).toMatchObject({ kind: 'updated', source: 'tab', steps: ['plan'] })
  })

  it('a draft typed in one tab reaches the other', async () => {
    const { first, second } = await twoTabs(false)
    first.flow.setDraft('contact', { email: 'ada@', name: '' })
    await until(() => (second.flow.getSnapshot().drafts as Record<string, unknown>).contact !== undefined, 'the draft')
    expect(second.flow.getSnapshot().drafts).toEqual({ contact: { email: 'ada@', name: '' } })
  })

  it('a change racing another tab’s (its message not there yet) merges different steps instead of overwriting', async () => {
    const { local, first, second } = await twoTabs(false)
    await first.flow.next(contact)
    await until(() => second.flow.getSnapshot().step === 'plan', 'the second tab to follow')
    // The second tab completes `plan` while, unknown to it yet, the first one typed a payment draft.
    const record = JSON.parse(local.getItem('enrollment') as string)
    const typed = { ...getPersistedSnapshot(first.flow), drafts: { ...first.flow.getSnapshot().drafts, payment: { cardToken: 'tok_1' } } }
    local.setItem('enrollment', JSON.stringify({ ...record, rev: record.rev + 1, value: envelopeOf(typed) }))
    await second.flow.next({ plan: 'basic' })
    await until(() => second.storage.getStatus().notice?.kind === 'merged', 'the merge')
    const stored = JSON.parse(JSON.parse(local.getItem('enrollment') as string).value).state
    expect(stored.step).toBe('payment')
    expect(stored.drafts.payment).toEqual({ cardToken: 'tok_1' })
  })

  it('a racing change to the same step keeps the other tab’s copy and says so', async () => {
    const { local, first, second } = await twoTabs(false)
    await first.flow.next(contact)
    await until(() => second.flow.getSnapshot().step === 'plan', 'the second tab to follow')
    const record = JSON.parse(local.getItem('enrollment') as string)
    const other = JSON.parse(record.value).state
    const moved = {
      ...other,
      path: [...other.path, { step: 'plan', input: { plan: 'family' }, patch: { plan: 'family' } }],
      step: 'dependents',
    }
    local.setItem('enrollment', JSON.stringify({ ...record, rev: record.rev + 1, value: envelopeOf(moved) }))
    await second.flow.next({ plan: 'basic' })
    await until(() => second.storage.getStatus().notice?.kind === 'adopted', 'the other copy to be kept')
    await until(() => second.flow.getSnapshot().step === 'dependents', 'the second tab to show it')
    expect(JSON.parse(JSON.parse(local.getItem('enrollment') as string).value).state.step).toBe('dependents')
  })

  it('with a server: saves by either tab are never a conflict between them, and both badges say saved', async () => {
    const { first, second } = await twoTabs(true)
    await first.flow.next(contact)
    await saved(first)
    await until(() => second.flow.getSnapshot().step === 'plan', 'the second tab to follow')
    await second.flow.next({ plan: 'basic' })
    await saved(second)
    await until(() => first.storage.getStatus().state === 'saved' && first.flow.getSnapshot().step === 'payment', 'the first tab')
    expect(first.storage.getStatus()).toMatchObject({ version: 2, token: second.storage.getStatus().token })
    expect(first.storage.getStatus().notice?.kind).toBe('updated')
    expect(network.requests.filter((r) => r.startsWith('POST'))).toHaveLength(1)
  })

  it('starting over in one tab starts over in the other', async () => {
    const { first, second } = await twoTabs(false)
    await first.flow.next(contact)
    await until(() => second.flow.getSnapshot().step === 'plan', 'the second tab to follow')
    await first.storage.removeItem('enrollment')
    first.flow.reset()
    await until(() => second.flow.getSnapshot().step === 'contact', 'the second tab to start over')
    expect(second.flow.getSnapshot()).toMatchObject({ state: { email: '', name: '' }, drafts: {} })
  })
})
