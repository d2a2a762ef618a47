import { type ChildProcess, spawn } from 'node:child_process'
import { createRequire } from 'node:module'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const demoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const require = createRequire(import.meta.url)
/** `@flowkit/server`'s ready server (`npm run server`), run from its sources like the rest of the demo. */
const startScript = join(dirname(require.resolve('@flowkit/server/package.json')), 'scripts', 'start.ts')

/** The Flowkit server's port is taken: the message is the one line to show. */
export class PortInUseError extends Error {
  override name = 'PortInUseError'
}

export interface FlowkitServerOptions {
  /** `0` picks a free port. @default 8787 */
  readonly port?: number
  /** The SQLite file the instances are kept in. @default apps/demo/.flowkit/demo.db */
  readonly sqliteFile?: string
  /** Where the server's own log lines go. @default process.stdout / process.stderr */
  readonly quiet?: boolean
  /** Milliseconds to wait for the server to listen. @default 30_000 */
  readonly timeout?: number
}

export interface FlowkitServer {
  /** The origin, e.g. `http://127.0.0.1:8787` (what the Vite proxy forwards `/api/flowkit` to). */
  readonly origin: string
  /** The API, e.g. `http://127.0.0.1:8787/api/flowkit`. */
  readonly url: string
  readonly process: ChildProcess
  /** Stops the server (SIGTERM, then SIGKILL after 5 s) and resolves once it has exited. */
  stop(): Promise<void>
}

/**
 * Starts `@flowkit/server`'s ready server on 127.0.0.1 with the demo's definitions (`server/flows.ts`) and
 * resolves once it listens. Used by `npm run demo` and by the end-to-end harness.
 * @example
 * const flowkit = await startFlowkitServer({ port: 0, sqliteFile: '/tmp/e2e.db' })
 * await flowkit.stop()
 */
export function startFlowkitServer(options: FlowkitServerOptions = {}): Promise<FlowkitServer> {
  const child = spawn(process.execPath, ['--conditions=@flowkit/source', '--import', 'tsx', startScript], {
    cwd: demoRoot,
    env: {
      ...process.env,
      HOST: '127.0.0.1',
      PORT: String(options.port ?? 8787),
      BASE_PATH: '/api/flowkit',
      FLOWKIT_DEFINITIONS: join(demoRoot, 'server', 'flows.ts'),
      FLOWKIT_SQLITE: options.sqliteFile ?? join(demoRoot, '.flowkit', 'demo.db'),
      DATABASE_URL: '',
      // Every browser reaches this server through the Vite proxy, as one caller (127.0.0.1): the per-caller
      // limits `npm run server` sets by default would count them all as one.
      FLOWKIT_RATE_LIMIT: process.env.FLOWKIT_RATE_LIMIT ?? '0',
      FLOWKIT_MAX_INSTANCES: process.env.FLOWKIT_MAX_INSTANCES ?? '0',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  const exited = new Promise<void>((done) => child.once('exit', () => done()))
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return
    child.kill('SIGTERM')
    const force = setTimeout(() => child.kill('SIGKILL'), 5_000)
    await exited
    clearTimeout(force)
  }
  return new Promise((resolvePromise, reject) => {
    const timer = setTimeout(() => {
      void stop()
      reject(new Error(`the Flowkit server did not start within ${options.timeout ?? 30_000} ms. Its output:\n${output}`))
    }, options.timeout ?? 30_000)
    const onExit = (code: number | null) => {
      clearTimeout(timer)
      const port = options.port ?? 8787
      // The server says so in one line when its port is taken; say it in the demo's terms (FLOWKIT_PORT), without the rest.
      if (/port \d+ on \S+ is in use/.test(output)) {
        reject(
          new PortInUseError(
            `port ${port} is in use (another \`npm run demo\` or \`npm run server\`?). Stop it, or choose another port: npm run demo -- --server-port ${port + 1}`,
          ),
        )
        return
      }
      reject(new Error(`the Flowkit server exited (code ${code}) before listening. Its output:\n${output}`))
    }
    child.once('exit', onExit)
    let ready = false
    child.stderr?.on('data', (chunk: Buffer) => {
      output += chunk
      // Before it listens, what the server says goes into the error, once; after, it is passed through.
      if (!options.quiet && ready) process.stderr.write(chunk)
    })
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk
      if (!options.quiet) process.stdout.write(chunk)
      const listening = /flowkit server on (http:\/\/[^\s/]+)(\/\S*)/.exec(output)
      if (!listening?.[1] || !listening[2]) return
      clearTimeout(timer)
      child.off('exit', onExit)
      ready = true
      const origin = listening[1]
      resolvePromise({ origin, url: `${origin}${listening[2]}`, process: child, stop })
    })
  })
}
