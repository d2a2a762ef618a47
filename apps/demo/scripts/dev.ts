/**
 * `npm run demo`: the Flowkit server (SQLite in apps/demo/.flowkit/demo.db) and Vite's dev server, which
 * proxies `/api/flowkit` to it. Prints both URLs; Ctrl+C stops both.
 * Env: FLOWKIT_PORT (default 8787), DEMO_PORT (default 5173), FLOWKIT_SIMULATE=0 (no simulated journeys; or a count, default 2000).
 */
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { createServer } from 'vite'
import { PortInUseError, startFlowkitServer } from './flowkitServer'
import { simulateDemoJourneys } from './simulateDemo'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
await simulateDemoJourneys() // journeys for the insights page, once (FLOWKIT_SIMULATE=0 skips it)
const flowkit = await startFlowkitServer({ port: Number(process.env.FLOWKIT_PORT ?? 8787) }).catch((error: unknown) => {
  if (!(error instanceof PortInUseError)) throw error
  console.error(`Flowkit demo: ${error.message}`)
  process.exit(1)
})
process.env.FLOWKIT_SERVER_URL = flowkit.origin // read by vite.config.ts for the proxy

let vite: Awaited<ReturnType<typeof createServer>> | undefined
let stopping = false
const stop = async (code: number) => {
  if (stopping) return
  stopping = true
  await Promise.allSettled([vite?.close(), flowkit.stop()])
  process.exit(code)
}
process.once('SIGINT', () => void stop(0))
process.once('SIGTERM', () => void stop(0))
// Ctrl+C in a terminal signals the server too; it exits with 0. Anything else is a crash.
flowkit.process.once('exit', (code) => {
  if (stopping) return
  if (code !== 0) console.error(`\nThe Flowkit server stopped (code ${code}); stopping the demo.`)
  void stop(code === 0 ? 0 : 1)
})

try {
  vite = await createServer({
    root,
    server: { host: '127.0.0.1', port: Number(process.env.DEMO_PORT ?? 5173) },
  })
  await vite.listen()
} catch (error) {
  console.error(error)
  await stop(1)
}
const demoUrl = vite?.resolvedUrls?.local[0] ?? `http://127.0.0.1:${process.env.DEMO_PORT ?? 5173}/`
console.log(
  `\n  Flowkit demo     ${demoUrl}\n  Flowkit server   ${flowkit.url} (proxied at ${demoUrl}api/flowkit)\n\n  Ctrl+C stops both.\n`,
)
