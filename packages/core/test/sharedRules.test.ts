// The small rules other packages read from core instead of keeping copies: what a log entry is, a plain
// object, the UNKNOWN_STEP error, and the text persist() stores.
import {
  createWorkflow,
  defineWorkflow,
  getPersistedSnapshot,
  isLogEntry,
  isPlainObject,
  isWorkflowError,
  journeyLog,
  unknownStepError,
} from '@flowkit/core'
import { fromPersistEnvelope, memoryStorage, PERSIST_VERSION, persist, toPersistEnvelope } from '@flowkit/core/persist'
import { describe, expect, test } from 'vitest'

const signup = defineWorkflow({
  id: 'signup',
  initial: 'account',
  state: { email: '' },
  steps: { account: { next: 'profile' }, profile: { next: 'done' }, done: { final: true } },
})

describe('isLogEntry', () => {
  test('accepts every entry the engine writes', async () => {
    const flow = createWorkflow(signup, { log: journeyLog() })
    await flow.next({ email: 'ada@example.com' })
    flow.back()
    await flow.next({ email: 'ada@example.com' })
    const { log } = flow.getSnapshot()
    expect(log.length).toBeGreaterThan(3)
    expect(log.every(isLogEntry)).toBe(true)
  })

  test('refuses what is not one: unknown type, missing step, string time, values in fields, too many fields', () => {
    const ok = { type: 'completed', step: 'account', at: 1 }
    expect(isLogEntry(ok)).toBe(true)
    for (const bad of [
      null,
      [],
      'completed',
      { ...ok, type: 'hacked' },
      { type: 'back', at: 1 },
      { ...ok, at: '1' },
      { ...ok, reason: 3 },
      { ...ok, fields: [{ value: 'secret' }] },
      { ...ok, fields: Array.from({ length: 1001 }, () => 'email') },
      Object.assign(new (class Entry {})(), ok),
    ]) {
      expect(isLogEntry(bad), JSON.stringify(bad)).toBe(false)
    }
  })
})

test('isPlainObject: object literals and null-prototype objects only', () => {
  expect(isPlainObject({})).toBe(true)
  expect(isPlainObject(Object.create(null))).toBe(true)
  for (const other of [null, [], new Date(), new Map(), new (class A {})(), 'x', 1]) expect(isPlainObject(other)).toBe(false)
})

test('unknownStepError names the call, lists the steps and suggests the nearest', () => {
  const error = unknownStepError(signup, "useStep('profil')", 'profil')
  expect(isWorkflowError(error)).toBe(true)
  expect(error).toMatchObject({ code: 'UNKNOWN_STEP', category: 'usage', step: 'profil' })
  expect(error.message).toBe("useStep('profil'): there is no such step; defined steps: account, profile, done. Did you mean 'profile'?")
  // The same error the engine's own moves throw.
  expect(() => createWorkflow(signup).setDraft('profil' as never, {})).toThrow(
    "setDraft('profil'): there is no such step; defined steps: account, profile, done. Did you mean 'profile'?",
  )
})

describe('persist envelopes', () => {
  test('toPersistEnvelope writes what persist() stores and reads back; fromPersistEnvelope reads it', async () => {
    const storage = memoryStorage()
    // One clock for the save and the snapshot taken here, so savedAt agrees to the millisecond.
    const flow = createWorkflow(signup, { persist: persist({ key: 'signup', storage }), now: () => 1_000 })
    await flow.next({ email: 'ada@example.com' })
    const stored = storage.getItem('signup') as string
    const snapshot = getPersistedSnapshot(flow)
    expect(JSON.parse(stored)).toEqual(JSON.parse(toPersistEnvelope(snapshot)))
    expect(JSON.parse(stored).version).toBe(PERSIST_VERSION)
    expect(fromPersistEnvelope(stored)).toEqual(snapshot)

    // Written by hand, it is restored by persist() like its own.
    const other = memoryStorage()
    other.setItem('signup', toPersistEnvelope(snapshot))
    const resumed = createWorkflow(signup, { persist: persist({ key: 'signup', storage: other }) })
    await Promise.resolve()
    expect(resumed.getSnapshot()).toMatchObject({ step: 'profile', state: { email: 'ada@example.com' } })
  })

  test('fromPersistEnvelope answers null for nothing, damaged text and envelopes without a path', () => {
    for (const text of [null, '', '{', 'null', '{"state":null}', '{"state":{"step":"a"}}', '[1]'])
      expect(fromPersistEnvelope(text)).toBeNull()
  })
})
