/**
 * `npm run bench:server`: concurrent clients on loopback saving and submitting across 1,000 enrollment instances,
 * against the ready server (scripts/start.ts, a child process) on SQLite and on PostgreSQL. Prints requests/s and
 * p50/p99 latency per operation, then checks that no acknowledged update was lost.
 * Env: BENCH_INSTANCES (1000), BENCH_CONCURRENCY (64), DATABASE_URL / FLOWKIT_PG_URL (else a throw-away PostgreSQL).
 */
import { type ChildProcess, spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createWorkflow, type PersistedSnapshot } from '@flowkit/core'
import { canonicalJson } from '../src/canonicalJson'
import { enrollment } from '../src/examples/enrollment'
import { startPostgres } from '../test/helpers/startPostgres'

const INSTANCES = Number(process.env.BENCH_INSTANCES ?? 1000)
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 64)

const snapshotsFor = async (i: number): Promise<PersistedSnapshot[]> => {
  const inputs = [
    { email: `user${i}@example.com`, name: `User ${i}` },
    { plan: 'family' },
    { dependents: 1 + (i % 3) },
    { cardToken: `tok_${i}` },
    undefined,
  ]
  const flow = createWorkflow(enrollment)
  const out: PersistedSnapshot[] = []
  for (const input of inputs) {
    await flow.next(input)
    out.push(flow.getPersistedSnapshot())
  }
  return out
}
/** What a second tab sends at the same moment as the first save: same base version, different content. */
const racerFor = async (i: number) => {
  const flow = createWorkflow(enrollment)
  await flow.next({ email: `other${i}@example.com`, name: `Other tab ${i}` })
  return flow.getPersistedSnapshot()
}

const startServer = (env: Record<string, string>) =>
  new Promise<{ child: ChildProcess; url: string }>((resolve, reject) => {
    const child = spawn(process.execPath, ['--conditions=@flowkit/source', '--import', 'tsx', 'scripts/start.ts'], {
      env: { ...process.env, PORT: '0', NODE_ENV: 'production', ...env },
      stdio: ['ignore', 'pipe', 'inherit'],
    })
    child.once('exit', (code) => reject(new Error(`server exited with ${code}`)))
    child.stdout?.on('data', (chunk: Buffer) => {
      const match = /on (http:\/\/127\.0\.0\.1:\d+\/\S+)/.exec(chunk.toString())
      if (match) resolve({ child, url: match[1] as string })
    })
  })

interface Sample {
  op: string
  ms: number
}
const samples: Sample[] = []
const call = async (op: string, method: string, url: string, body?: unknown) => {
  const started = performance.now()
  const response = await fetch(url, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  })
  const json = (await response.json()) as any
  samples.push({ op, ms: performance.now() - started })
  if (response.status >= 500) throw new Error(`${op} answered ${response.status}: ${JSON.stringify(json)}`)
  return { status: response.status, body: json }
}

/** Runs `work(i)` for i in [0, n) with at most `limit` in flight. */
const pool = async (n: number, limit: number, work: (i: number) => Promise<void>) => {
  let next = 0
  await Promise.all(
    Array.from({ length: limit }, async () => {
      while (next < n) await work(next++)
    }),
  )
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0

const run = async (name: string, env: Record<string, string>) => {
  const { child, url } = await startServer(env)
  samples.length = 0
  const snapshots = await Promise.all(Array.from({ length: INSTANCES }, (_, i) => snapshotsFor(i)))
  const racers = await Promise.all(Array.from({ length: INSTANCES }, (_, i) => racerFor(i)))
  const tokens: string[] = []
  const acknowledged = new Array<number>(INSTANCES).fill(0)
  let conflicts = 0
  const began = performance.now()
  await pool(INSTANCES, CONCURRENCY, async (i) => {
    tokens[i] = (await call('start', 'POST', `${url}/instances`, { workflow: 'enrollment' })).body.token
  })
  await pool(INSTANCES, CONCURRENCY, async (i) => {
    const at = `${url}/instances/${tokens[i]}`
    let version = 1
    for (const [n, snapshot] of (snapshots[i] as PersistedSnapshot[]).entries()) {
      const last = n === (snapshots[i] as PersistedSnapshot[]).length - 1
      for (;;) {
        const sends = [
          call(last ? 'submit' : 'save', last ? 'POST' : 'PUT', last ? `${at}/submit` : at, { baseVersion: version, snapshot }),
        ]
        if (n === 0) sends.push(call('save', 'PUT', at, { baseVersion: version, snapshot: racers[i] })) // a second tab races the first save
        const [mine, racer] = await Promise.all(sends)
        if (racer?.status === 409) conflicts++
        if (racer?.status === 200) acknowledged[i] = (acknowledged[i] ?? 0) + 1
        if (mine?.status === 200) {
          acknowledged[i] = (acknowledged[i] ?? 0) + 1
          version = mine.body.version
          break
        }
        if (mine?.status !== 409) throw new Error(`unexpected ${mine?.status}: ${JSON.stringify(mine?.body)}`)
        conflicts++
        version = mine.body.current.version // reconcile: this tab keeps its own copy, based on the current version
      }
    }
  })
  const seconds = (performance.now() - began) / 1000
  const total = samples.length
  // Lost-update check: every acknowledged write bumped the version exactly once, and the final state is the replayed one.
  let lost = 0
  await pool(INSTANCES, CONCURRENCY, async (i) => {
    const { body } = await call('load', 'GET', `${url}/instances/${tokens[i]}`)
    const expectedPrice = 20 + 5 * (1 + (i % 3))
    const submitted = (snapshots[i] as PersistedSnapshot[]).at(-1) as PersistedSnapshot
    const samePath = canonicalJson(body.snapshot.path) === canonicalJson(JSON.parse(JSON.stringify(submitted.path)))
    if (
      body.version !== 1 + (acknowledged[i] as number) ||
      body.status !== 'submitted' ||
      body.result?.price !== expectedPrice ||
      !samePath
    )
      lost++
  })
  child.kill('SIGTERM')
  const rows = ['start', 'save', 'submit', 'load'].map((op) => {
    const ms = samples.filter((s) => s.op === op).map((s) => s.ms)
    ms.sort((a, b) => a - b)
    return { backend: name, op, requests: ms.length, 'p50 ms': percentile(ms, 50).toFixed(2), 'p99 ms': percentile(ms, 99).toFixed(2) }
  })
  return {
    rows,
    summary: {
      backend: name,
      instances: INSTANCES,
      concurrency: CONCURRENCY,
      'write req/s': Math.round(total / seconds),
      'refused 409': conflicts,
      acknowledgedWrites: acknowledged.reduce((a, b) => a + b, 0),
      lostUpdates: lost,
    },
  }
}

const dir = mkdtempSync(join(tmpdir(), 'flowkit-bench-'))
const results = [await run('SQLite', { FLOWKIT_SQLITE: join(dir, 'bench.db'), DATABASE_URL: '' })]
const pg = await startPostgres()
if (pg) {
  try {
    results.push(await run('PostgreSQL', { DATABASE_URL: pg.url }))
  } finally {
    pg.stop()
  }
} else console.warn('PostgreSQL binaries not found and no DATABASE_URL: PostgreSQL row skipped (apt-get install -y postgresql).')
rmSync(dir, { recursive: true, force: true })

console.log(
  `\nflowkit server on 127.0.0.1: ${INSTANCES} instances, ${CONCURRENCY} concurrent clients, each start → 4 saves (the first raced by a second tab) → submit`,
)
console.table(results.flatMap((r) => r.rows))
const baseline = results[0]?.summary['write req/s'] ?? 1
console.table(results.map((r) => ({ ...r.summary, 'vs SQLite': `${(r.summary['write req/s'] / baseline).toFixed(2)}×` })))
const lost = results.reduce((n, r) => n + r.summary.lostUpdates, 0)
if (lost > 0) {
  console.error(`LOST UPDATES: ${lost}`)
  process.exitCode = 1
} else console.log('lost-update check: every acknowledged write is accounted for on every instance (0 lost).')
