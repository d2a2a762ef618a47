import { execFileSync, spawnSync } from 'node:child_process'
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/** A PostgreSQL server this helper started, or the one `DATABASE_URL` / `FLOWKIT_PG_URL` names. */
export interface TestPostgres {
  readonly url: string
  stop(): void
  /** Stops the server but keeps its data and port (a fast shutdown: open connections are cut). Not for a given URL. */
  halt?(): void
  /** Starts a halted server again, on the same port with the same data. */
  resume?(): void
}

/** Where Debian puts the server binaries (`$FLOWKIT_PG_ROOT/<major>/bin`, default `/usr/lib/postgresql`), or `PG_BIN`. */
export const findPostgresBin = (): string | undefined => {
  if (process.env.PG_BIN && existsSync(join(process.env.PG_BIN, 'initdb'))) return process.env.PG_BIN
  const root = process.env.FLOWKIT_PG_ROOT ?? '/usr/lib/postgresql'
  if (!existsSync(root)) return undefined
  const majors = readdirSync(root)
    .filter((v) => existsSync(join(root, v, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a))
  return majors[0] && join(root, majors[0], 'bin')
}

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number }
      server.close(() => resolve(port))
    })
  })

/**
 * Starts a throw-away PostgreSQL on 127.0.0.1 (initdb into a temp dir, `pg_ctl start`), as the `postgres` user
 * when running as root since PostgreSQL refuses to run as root. Returns `undefined` when no binaries are installed.
 */
export const startPostgres = async (): Promise<TestPostgres | undefined> => {
  const given = process.env.FLOWKIT_PG_URL ?? process.env.DATABASE_URL
  if (given) return { url: given, stop: () => {} }
  const bin = findPostgresBin()
  if (!bin) return undefined
  const root = process.getuid?.() === 0
  const user = root ? 'postgres' : (process.env.USER ?? 'postgres')
  const dir = mkdtempSync(join(tmpdir(), 'flowkit-pg-'))
  const data = join(dir, 'data')
  if (root) {
    chmodSync(dir, 0o777)
    execFileSync('chown', ['postgres', dir])
  }
  const run = (command: string, args: string[]) => {
    const [file, argv] = root ? ['runuser', ['-u', 'postgres', '--', join(bin, command), ...args]] : [join(bin, command), args]
    const result = spawnSync(file as string, argv as string[], { encoding: 'utf8', cwd: dir })
    if (result.status !== 0) {
      throw new Error(`[flowkit/server tests] ${command} ${args.join(' ')} failed (${result.status}):\n${result.stdout}\n${result.stderr}`)
    }
  }
  const port = await freePort()
  run('initdb', ['-D', data, '-U', user, '--auth=trust', '--no-sync', '-E', 'UTF8', '--locale=C'])
  const start = () =>
    run('pg_ctl', [
      '-D',
      data,
      '-l',
      join(dir, 'postgres.log'),
      '-w',
      '-o',
      `-h 127.0.0.1 -p ${port} -k ${dir} -c fsync=off -c max_connections=200`,
      'start',
    ])
  const halt = () => run('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop'])
  start()
  let running = true
  return {
    url: `postgres://${user}@127.0.0.1:${port}/postgres`,
    stop: () => {
      try {
        if (running) halt()
      } finally {
        rmSync(dir, { recursive: true, force: true })
      }
    },
    halt: () => {
      halt()
      running = false
    },
    resume: () => {
      start()
      running = true
    },
  }
}
