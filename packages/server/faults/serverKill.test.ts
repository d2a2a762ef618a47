import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { BenchServer } from '../bench/startServer'
import { startPostgres, type TestPostgres } from '../test/helpers/startPostgres'
import { payments, seen } from './helpers/client'
import { type Acknowledged, enroll, expectNothingLost } from './helpers/journeys'
import { pool, realServer, scratch } from './helpers/servers'

let pg: TestPostgres | undefined
beforeAll(async () => {
  pg = await startPostgres()
})
afterAll(() => pg?.stop())

const kill = (server: BenchServer) =>
  new Promise<void>((resolve) => {
    server.child.once('exit', () => resolve())
    server.child.kill('SIGKILL')
  })

describe.each(['SQLite', 'PostgreSQL'] as const)('the server killed with SIGKILL mid-write, on %s', (backend) => {
  it('loses no acknowledged write, and every payment is charged under one idempotency key', async (test) => {
    if (backend === 'PostgreSQL' && !pg) return test.skip()
    const { dir, ledger } = scratch()
    const env: Record<string, string> =
      backend === 'SQLite' ? { FLOWKIT_SQLITE: join(dir, 'kill.db'), DATABASE_URL: '' } : { DATABASE_URL: (pg as TestPostgres).url }
    let server = await realServer(ledger, { ...env, FAULT_LEASE: '1500' })
    try {
      const acknowledged: Acknowledged[] = []
      const users = 150
      const refusedBefore = seen.refused
      const load = pool(users, 16, (i) => enroll(() => server.url, i, acknowledged))
      for (const after of [25, 80]) {
        while (acknowledged.filter((a) => a?.submitted).length < after) await new Promise((r) => setTimeout(r, 5))
        await kill(server) // writes are in flight: some answered, some not
        server = await realServer(ledger, { ...env, FAULT_LEASE: '1500' })
      }
      await load
      expect(seen.refused).toBeGreaterThan(refusedBefore) // the kills did cut requests
      await expectNothingLost(server.url, acknowledged)
      const runs = payments(ledger)
      expect(runs.size).toBe(users)
      for (const [email, list] of runs) expect(new Set(list.map((r) => r.key)).size, `keys of ${email}`).toBe(1)
    } finally {
      await server.stop()
    }
  })
})
