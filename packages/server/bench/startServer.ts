import { type ChildProcess, spawn } from 'node:child_process'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

export interface BenchServer {
  readonly child: ChildProcess
  /** e.g. `http://127.0.0.1:40123/api/flowkit` */
  readonly url: string
  stop(): Promise<void>
}

/** `BENCH_CPU_PROF=<dir>`: each server writes a V8 CPU profile there when it stops (open it in Chrome DevTools). */
const profiling = () => (process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : [])

/**
 * Starts the ready server (`scripts/start.ts` of `root`, default this package) as a child process on a free
 * loopback port and resolves once it prints its URL.
 */
export const startServer = (
  env: Record<string, string>,
  root = join(dirname(fileURLToPath(import.meta.url)), '..'),
  stderr: 'inherit' | 'ignore' = 'inherit',
) =>
  new Promise<BenchServer>((resolve, reject) => {
    const child = spawn(process.execPath, [...profiling(), '--conditions=@flowkit/source', '--import', 'tsx', 'scripts/start.ts'], {
      cwd: root,
      env: { ...process.env, PORT: '0', NODE_ENV: 'production', ...env },
      stdio: ['ignore', 'pipe', stderr],
    })
    const early = (code: number | null) => reject(new Error(`the server exited with ${code} before it listened`))
    child.once('exit', early)
    let out = ''
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString()
      const match = /on (http:\/\/127\.0\.0\.1:\d+\/\S+)/.exec(out)
      if (!match) return
      child.off('exit', early)
      child.stdout?.removeAllListeners('data')
      child.stdout?.resume()
      resolve({
        child,
        url: match[1] as string,
        stop: () =>
          new Promise<void>((done) => {
            if (child.exitCode !== null) return done()
            child.once('exit', () => done())
            child.kill('SIGTERM')
          }),
      })
    })
  })
