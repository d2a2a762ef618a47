import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startPostgres, type TestPostgres } from '../test/helpers/startPostgres'
import { payments, seen } from './helpers/client'
import { type Acknowledged, enroll, expectNothingLost } from './helpers/journeys'
import { pool, realServer, scratch } from './helpers/servers'

const required = process.env.FLOWKIT_REQUIRE_POSTGRES === '1'

describe('PostgreSQL stopped and restarted under load', () => {
  let pg: TestPostgres | undefined
  beforeAll(async () => {
    pg = await startPostgres()
    if (!pg?.halt && required) throw new Error('the fault suite needs PostgreSQL binaries (apt-get install -y postgresql)')
  })
  afterAll(() => pg?.stop())

  it('keeps the server up, answers 503 with Retry-After meanwhile, loses no acknowledged write and charges once', async (test) => {
    if (!pg?.halt || !pg.resume) return test.skip()
    const { ledger } = scratch()
    const server = await realServer(ledger, { DATABASE_URL: pg.url, FAULT_LEASE: '10000' })
    try {
      const acknowledged: Acknowledged[] = []
      const users = 120
      const load = pool(users, 24, (i) => enroll(() => server.url, i, acknowledged))
      while (acknowledged.filter((a) => a?.submitted).length < 15) await new Promise((r) => setTimeout(r, 20))
      pg.halt() // mid-load: idle and busy connections are cut
      await new Promise((r) => setTimeout(r, 1500))
      expect(server.child.exitCode).toBeNull()
      pg.resume()
      await load
      expect(server.child.exitCode, 'the server process died').toBeNull()
      expect(seen.unavailable).toBeGreaterThan(0)
      expect([...seen.retryAfter]).toEqual(['1'])
      await expectNothingLost(server.url, acknowledged)
      const runs = payments(ledger)
      expect(runs.size).toBe(users)
      for (const [email, list] of runs) expect(list, `payment of ${email}`).toHaveLength(1)
    } finally {
      await server.stop()
    }
  })
})
