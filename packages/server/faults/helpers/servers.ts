import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { type BenchServer, startServer } from '../../bench/startServer'

const fixture = join(dirname(fileURLToPath(import.meta.url)), 'fixture.ts')

/** A scratch directory and the ledger file the fixture's payment action appends to. */
export const scratch = () => {
  const dir = mkdtempSync(join(tmpdir(), 'flowkit-faults-'))
  return { dir, ledger: join(dir, 'payments.jsonl') }
}

/** The real server (`scripts/start.ts`) in a child process, serving the fixture, on loopback, without per-caller limits. */
export const realServer = (ledger: string, env: Record<string, string>): Promise<BenchServer> =>
  startServer(
    { FLOWKIT_DEFINITIONS: fixture, FAULT_LEDGER: ledger, FLOWKIT_RATE_LIMIT: '0', FLOWKIT_MAX_INSTANCES: '0', ...env },
    undefined,
    'ignore',
  )

/** Runs `work(i)` for i in [0, n) with at most `limit` in flight. */
export const pool = async (n: number, limit: number, work: (i: number) => Promise<void>) => {
  let next = 0
  await Promise.all(
    Array.from({ length: limit }, async () => {
      while (next < n) await work(next++)
    }),
  )
}
