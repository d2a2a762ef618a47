import type { InstanceStore } from '@flowkit/server'
import { postgresStore } from '@flowkit/server/postgres'
import { sqliteStore } from '@flowkit/server/sqlite'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { backends } from './helpers/backends'
import { instanceRecord, snapshot } from './helpers/instanceRecord'

describe.each(backends)('the $name store', (backend) => {
  let store: InstanceStore
  beforeAll(async () => {
    if (backend.skip) return
    store = backend.create()
    await store.init()
  })
  afterAll(() => store?.close())

  it.skipIf(backend.skip)('reads back what it wrote, with JSON and timestamps intact', async () => {
    await store.insert({ ...instanceRecord('a'), owner: 'ada', result: { nested: { ok: true } } })
    expect(await store.get('a')).toEqual({ ...instanceRecord('a'), owner: 'ada', result: { nested: { ok: true } } })
    expect(await store.get('missing')).toBeNull()
  })

  it.skipIf(backend.skip)('updates only from the expected version (compare-and-set) and bumps it', async () => {
    await store.insert(instanceRecord('b'))
    const change = { workflow: 'enrollment', baseVersion: 1, snapshot, updatedAt: 2000, expiresAt: 20_000 }
    expect(await store.update('b', change)).toMatchObject({ version: 2, updatedAt: 2000, expiresAt: 20_000 })
    expect(await store.update('b', change)).toBeNull()
    expect(await store.update('b', { ...change, baseVersion: 2, updatedAt: 30_000 })).toBeNull() // expired by then
    expect((await store.get('b'))?.version).toBe(2)
  })

  it.skipIf(backend.skip)('claims an open instance once, and records or releases only under that claim', async () => {
    await store.insert(instanceRecord('s'))
    const submission = { fingerprint: 'f', key: 'k.1', snapshot, state: { price: 10 } }
    const claim = { baseVersion: 1, attempts: 0, leaseUntil: 5000, submission, now: 1000 }
    const held = await store.claim('s', { ...claim, claim: 'a' })
    expect(held).toMatchObject({ status: 'submitting', claim: 'a', leaseUntil: 5000, version: 1, submission })
    expect(await store.claim('s', { ...claim, claim: 'b' })).toBeNull()
    expect(await store.update('s', { workflow: 'enrollment', baseVersion: 1, snapshot, updatedAt: 1000, expiresAt: 10_000 })).toBeNull()
    expect(await store.remove('s', ['open'])).toBe(false)
    expect(await store.reclaim('s', { previous: 'a', claim: 'b', leaseUntil: 9000, now: 4999 })).toBeNull() // lease still runs
    expect(await store.reclaim('s', { previous: 'a', claim: 'b', leaseUntil: 9000, now: 5000 })).toMatchObject({ claim: 'b' })
    const finish = { snapshot, result: { price: 10 }, submission: { fingerprint: 'f', key: 'k.1' }, updatedAt: 6000, expiresAt: 20_000 }
    expect(await store.finish('s', { ...finish, claim: 'a' })).toBeNull() // taken over: the old claim records nothing
    expect(await store.release('s', 'a')).toBeNull()
    expect(await store.finish('s', { ...finish, claim: 'b' })).toMatchObject({
      status: 'submitted',
      version: 2,
      result: { price: 10 },
      claim: null,
    })
  })

  it.skipIf(backend.skip)('releases a claim back to open at the same version, counting the attempt', async () => {
    await store.insert(instanceRecord('r'))
    const submission = { fingerprint: 'f', key: 'k.1', snapshot, state: {} }
    await store.claim('r', { baseVersion: 1, attempts: 0, claim: 'a', leaseUntil: 5000, submission, now: 1000 })
    expect(await store.release('r', 'a')).toMatchObject({ status: 'open', version: 1, attempts: 1, claim: null, submission: null })
    const stale = { baseVersion: 1, attempts: 0, claim: 'b', leaseUntil: 5000, submission, now: 1000 }
    expect(await store.claim('r', stale)).toBeNull() // read before the release: its key would repeat the refused attempt's
    expect(await store.claim('r', { ...stale, attempts: 1 })).toMatchObject({ status: 'submitting', claim: 'b' })
  })

  it.skipIf(backend.skip)('refuses a second insert of the same token hash', async () => {
    await store.insert(instanceRecord('c'))
    await expect(store.insert(instanceRecord('c'))).rejects.toThrow()
  })

  it.skipIf(backend.skip)('removes one instance, and the expired ones in bulk', async () => {
    await store.insert(instanceRecord('d'))
    expect(await store.remove('d', ['open'])).toBe(true)
    expect(await store.remove('d', ['open'])).toBe(false)
    await store.insert(instanceRecord('old1', 50))
    await store.insert(instanceRecord('old2', 60))
    await store.insert(instanceRecord('fresh', 1_000_000))
    expect(await store.removeExpired(100)).toBeGreaterThanOrEqual(2)
    expect(await store.get('old1')).toBeNull()
    expect(await store.get('fresh')).not.toBeNull()
  })
})

describe('store options', () => {
  it('refuse a table name that is not a plain identifier, since it cannot be a query parameter', () => {
    expect(() => sqliteStore({ filename: ':memory:', table: 'x; DROP TABLE y' })).toThrow(/table name "x; DROP TABLE y" is not allowed/)
    expect(() => postgresStore({ connectionString: 'postgres://127.0.0.1/none', table: 'a-b' })).toThrow(/letters, digits and '_'/)
  })
})
