import { type ChildProcess, spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import { createServer } from 'node:net'
import { join } from 'node:path'

const root = join(import.meta.dirname, '..')

/** A port nobody listens on right now, on 127.0.0.1. */
const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const probe = createServer()
    probe.once('error', reject)
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address()
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))))
    })
  })

export interface NextServer {
  readonly url: string
  stop(): Promise<void>
}

/** `next start` on the built app (`.next`), on 127.0.0.1 and a free port; resolves once it answers. */
export async function startNext(): Promise<NextServer> {
  if (!existsSync(join(root, '.next', 'BUILD_ID'))) {
    throw new Error(
      'apps/next-example/.next is missing: build it first (`npm run build -w @flowkit/next-example`), or run `npm run test:browser`.',
    )
  }
  const port = await freePort()
  const bin = createRequire(join(root, 'package.json')).resolve('next/dist/bin/next')
  const child: ChildProcess = spawn(process.execPath, [bin, 'start', '--hostname', '127.0.0.1', '--port', String(port)], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
  })
  let output = ''
  child.stdout?.on('data', (chunk) => (output += chunk))
  child.stderr?.on('data', (chunk) => (output += chunk))
  const url = `http://127.0.0.1:${port}`
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve()
      child.once('exit', () => resolve())
      child.kill('SIGTERM')
    })
  for (let tries = 0; tries < 100; tries++) {
    if (child.exitCode !== null) throw new Error(`next start exited (${child.exitCode}):\n${output}`)
    try {
      if ((await fetch(url)).ok) return { url, stop }
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  await stop()
  throw new Error(`next start did not answer on ${url} within 10 s:\n${output}`)
}
