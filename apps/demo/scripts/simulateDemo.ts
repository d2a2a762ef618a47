import { spawn } from 'node:child_process'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const here = dirname(fileURLToPath(import.meta.url))

/**
 * Seeds the demo's database with 2,000 simulated enrollment journeys unless it has journeys already, so the
 * insights page has something to show after `npm run demo` (a couple of seconds, once; `npm run simulate -w
 * @flowkit/demo` adds 10,000). Runs `simulate.ts --if-empty` from the sources, like the demo's server.
 * `FLOWKIT_SIMULATE=0` skips it; `FLOWKIT_SIMULATE=<n>` seeds n journeys.
 */
export function simulateDemoJourneys(sqliteFile?: string): Promise<void> {
  if (process.env.FLOWKIT_SIMULATE === '0') return Promise.resolve()
  const journeys = /^\d+$/.test(process.env.FLOWKIT_SIMULATE ?? '') ? (process.env.FLOWKIT_SIMULATE as string) : '2000'
  const args = ['--conditions=@flowkit/source', '--import', 'tsx', join(here, 'simulate.ts'), '--if-empty', '--journeys', journeys]
  const child = spawn(process.execPath, sqliteFile ? [...args, '--db', sqliteFile] : args, {
    cwd: join(here, '..'),
    env: { ...process.env, DATABASE_URL: '' },
    stdio: ['ignore', 'inherit', 'inherit'],
  })
  return new Promise((resolve, reject) =>
    child.once('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`simulating journeys failed (code ${code}); FLOWKIT_SIMULATE=0 skips it.`)),
    ),
  )
}
