import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createFlowkitHandler, type FlowkitHandler } from '@flowkit/server'
import { postgresStore } from '@flowkit/server/postgres'
import { sqliteStore } from '@flowkit/server/sqlite'
import Database from 'better-sqlite3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { enrollment } from '../src/examples/enrollment'
import { basicEnrollment, snapshotAfter } from './helpers/api'
import { startPostgres, type TestPostgres } from './helpers/startPostgres'

const call = async (handler: FlowkitHandler, method: string, path: string, body?: unknown) => {
  const response = await handler(
    new Request(`http://127.0.0.1${path}`, {
      method,
      ...(body === undefined ? {} : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
    }),
  )
  return { status: response.status, retryAfter: response.headers.get('retry-after'), body: await response.json() }
}

describe('a PostgreSQL that stops and comes back', () => {
  let pg: TestPostgres | undefined
  beforeAll(async () => {
    pg = await startPostgres()
  })
  afterAll(() => pg?.stop())

  it('never ends the process: 503 STORAGE_UNAVAILABLE with Retry-After during the outage, then served again without a restart', async (test) => {
    if (!pg?.halt || !pg.resume) return test.skip()
    const errors: unknown[] = []
    const store = postgresStore({ connectionString: pg.url, table: 'outage', onError: (e) => errors.push(e) })
    const handler = createFlowkitHandler({ definitions: [enrollment], store, onError: () => {}, retryAfter: 2 })
    const tokens = await Promise.all(
      Array.from({ length: 5 }, async () => (await call(handler, 'POST', '/instances', { workflow: 'enrollment' })).body.token),
    )
    pg.halt() // the pool's idle connections are cut: without a listener, their 'error' event ends the process
    await new Promise((r) => setTimeout(r, 200))
    expect(errors.length).toBeGreaterThan(0)
    const during = await call(handler, 'GET', `/instances/${tokens[0]}`)
    expect(during).toMatchObject({ status: 503, retryAfter: '2', body: { error: { code: 'STORAGE_UNAVAILABLE' } } })
    expect((await call(handler, 'POST', '/instances', { workflow: 'enrollment' })).status).toBe(503)
    pg.resume()
    const saved = await call(handler, 'PUT', `/instances/${tokens[1]}`, {
      baseVersion: 1,
      snapshot: await snapshotAfter(enrollment, basicEnrollment.slice(0, 1)),
    })
    expect(saved).toMatchObject({ status: 200, body: { version: 2 } })
    expect((await call(handler, 'GET', `/instances/${tokens[0]}`)).status).toBe(200)
    await store.close()
  })
})

describe('a SQLite database another process holds locked', () => {
  it('answers 503 STORAGE_UNAVAILABLE with Retry-After while it is locked, and serves again once it is free', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'flowkit-busy-')), 'busy.db')
    const store = sqliteStore({ filename: file, busyTimeout: 20 })
    const handler = createFlowkitHandler({ definitions: [enrollment], store, onError: () => {} })
    const token = (await call(handler, 'POST', '/instances', { workflow: 'enrollment' })).body.token
    const other = new Database(file)
    other.exec('BEGIN EXCLUSIVE')
    const snapshot = await snapshotAfter(enrollment, basicEnrollment.slice(0, 1))
    const locked = await call(handler, 'PUT', `/instances/${token}`, { baseVersion: 1, snapshot })
    expect(locked).toMatchObject({ status: 503, retryAfter: '1', body: { error: { code: 'STORAGE_UNAVAILABLE' } } })
    other.exec('COMMIT')
    other.close()
    expect(await call(handler, 'PUT', `/instances/${token}`, { baseVersion: 1, snapshot })).toMatchObject({
      status: 200,
      body: { version: 2 },
    })
    await store.close()
  })
})
