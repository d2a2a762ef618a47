/**
 * `npm run demo`: the Flowkit server (SQLite in apps/demo/.flowkit/demo.db) and Vite's dev server, which
 * proxies `/api/flowkit` to it. Prints both URLs; Ctrl+C stops both.
 * Flags: `--port <n>` (the demo, default 5173), `--server-port <n>` (the Flowkit server, default 8787), as in
 * `npm run demo -- --port 3000`. Env: DEMO_PORT and FLOWKIT_PORT (the same, flags win), FLOWKIT_SIMULATE=0 (no
 * simulated journeys; or a count, default 2000).
 */
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { createServer } from 'vite'
import { PortInUseError, startFlowkitServer } from './flowkitServer'
import { simulateDemoJourneys } from './simulateDemo'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const portOf = (flag: string, text: string | undefined, fallback: number): number => {
  const port = text === undefined || text === '' ? fallback : Number(text)
  if (Number.isInteger(port) && port >= 0 && port <= 65_535) return port
  console.error(`Flowkit demo: ${flag} must be a port number from 0 to 65535 (0 picks a free one), not '${text}'.`)
  process.exit(1)
}
const { values: flags } = (() => {
  try {
    return parseArgs({ options: { port: { type: 'string' }, 'server-port': { type: 'string' } } })
  } catch (error) {
    console.error(`Flowkit demo: ${(error as Error).message}. It takes --port <n> and --server-port <n>.`)
    process.exit(1)
  }
})()
const demoPort = portOf(flags.port ? '--port' : 'DEMO_PORT', flags.port ?? process.env.DEMO_PORT, 5173)
const serverPort = portOf(flags['server-port'] ? '--server-port' : 'FLOWKIT_PORT', flags['server-port'] ?? process.env.FLOWKIT_PORT, 8787)
await simulateDemoJourneys() // journeys for the insights page, once (FLOWKIT_SIMULATE=0 skips it)
const flowkit = await startFlowkitServer({ port: serverPort }).catch((error: unknown) => {
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
    server: { host: '127.0.0.1', port: demoPort },
  })
  await vite.listen()
} catch (error) {
  console.error(error)
  await stop(1)
}
const demoUrl = vite?.resolvedUrls?.local[0] ?? `http://127.0.0.1:${demoPort}/`
console.log(
  `\n  Flowkit demo     ${demoUrl}\n  Flowkit server   ${flowkit.url} (proxied at ${demoUrl}api/flowkit)\n\n  Ctrl+C stops both.\n`,
)
