import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { BenchServer } from '../bench/startServer'
import { startPostgres, type TestPostgres } from '../test/helpers/startPostgres'
import { type Answer, definite, journey, payments, saveUntilAcknowledged, send } from './helpers/client'
import { pool, realServer, scratch } from './helpers/servers'

describe('concurrent submits of one instance, on two server processes sharing PostgreSQL', () => {
  let pg: TestPostgres | undefined
  beforeAll(async () => {
    pg = await startPostgres()
  })
  afterAll(() => pg?.stop())

  it('run the payment once per instance; every answer is the recorded result or "in progress", and retries get the result', async (test) => {
    if (!pg) return test.skip()
    const { ledger } = scratch()
    const servers: BenchServer[] = []
    try {
      for (let i = 0; i < 2; i++) servers.push(await realServer(ledger, { DATABASE_URL: (pg as TestPostgres).url }))
      const users = 30
      await pool(users, 6, async (i) => {
        const snapshots = await journey(i)
        const url = () => (servers[0] as BenchServer).url
        const token = ((await definite(url, '/instances', 'POST', { workflow: 'enrollment' })) as Answer).body.token
        let version = 1
        for (const snapshot of snapshots.slice(0, -1)) version = await saveUntilAcknowledged(url, token, version, snapshot)
        const body = { baseVersion: version, snapshot: snapshots.at(-1) }
        const answers = await Promise.all(
          Array.from({ length: 10 }, (_, n) => send(`${(servers[n % 2] as BenchServer).url}/instances/${token}/submit`, 'POST', body)),
        )
        const results = new Set<string>()
        for (const answer of answers) {
          expect([200, 409]).toContain(answer?.status)
          if (answer?.status === 200) results.add(JSON.stringify(answer.body.result))
          else expect(answer?.body.error.code).toBe('SUBMISSION_IN_PROGRESS')
        }
        const retried = (await definite(() => (servers[1] as BenchServer).url, `/instances/${token}/submit`, 'POST', body)) as Answer
        expect(retried.status).toBe(200)
        results.add(JSON.stringify(retried.body.result))
        expect(results.size).toBe(1)
      })
      const runs = payments(ledger)
      expect(runs.size).toBe(users)
      for (const [email, list] of runs) expect(list, `payment of ${email}`).toHaveLength(1)
    } finally {
      await Promise.all(servers.map((s) => s.stop()))
    }
  })
})
