/**
 * `npm run bench:server`: 64 concurrent clients on loopback saving and submitting enrollment instances against the
 * ready server (scripts/start.ts, child processes), on SQLite, on PostgreSQL, and on two server processes sharing one
 * PostgreSQL (requests alternate between them, as behind a load balancer). Prints saves/s and p50/p99 per operation,
 * then checks that no acknowledged write was lost.
 * Env: BENCH_INSTANCES (1000), BENCH_CONCURRENCY (64), BENCH_WARMUP (200: instances run first, not measured),
 * DATABASE_URL / FLOWKIT_PG_URL (else a throw-away PostgreSQL),
 * BENCH_SERVER_ROOT (another checkout's packages/server, to measure a baseline with this same client),
 * BENCH_BASELINE_ROOT (another checkout's packages/server, e.g. from `git archive <commit> packages/server`: each
 * scenario runs on it first, printed as a baseline row beside it, with the saves/s ratio in the same run).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { Agent, request } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { canonicalJson, createWorkflow, getPersistedSnapshot, type PersistedSnapshot } from '@flowkit/core'
import { enrollment } from '../src/examples/enrollment'
import { startPostgres } from '../test/helpers/startPostgres'
import { type BenchServer, startServer } from './startServer'

const INSTANCES = Number(process.env.BENCH_INSTANCES ?? 1000)
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 64)
const WARMUP = Number(process.env.BENCH_WARMUP ?? 200)
const ROOT = process.env.BENCH_SERVER_ROOT || undefined
const BASELINE = process.env.BENCH_BASELINE_ROOT || undefined
/** The bench is one caller hammering the server: lift the default per-caller limits of `npm run server`. */
const UNLIMITED = { FLOWKIT_RATE_LIMIT: '0', FLOWKIT_MAX_INSTANCES: '0' }

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
    out.push(JSON.parse(JSON.stringify(getPersistedSnapshot(flow))))
  }
  return out
}
/** What a second tab sends at the same moment as the first save: same base version, different content. */
const racerFor = async (i: number) => {
  const flow = createWorkflow(enrollment)
  await flow.next({ email: `other${i}@example.com`, name: `Other tab ${i}` })
  return getPersistedSnapshot(flow)
}

// Idle sockets are dropped before the server's 5 s keep-alive timeout would close them under a new request.
const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY * 2, timeout: 4000 })

/** CPU time (user + system, ms) the processes have used so far: a cost per request that other load on the machine does not inflate as much as wall time. */
const cpuMs = (pids: readonly number[]) =>
  pids.reduce((sum, pid) => {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? []
    return sum + ((Number(fields[11]) + Number(fields[12])) * 1000) / 100
  }, 0)
const samples = new Map<string, number[]>()
/** One request over a kept-alive loopback connection (node:http: a cheaper client than fetch, so the server is measured). */
const call = (op: string, method: string, url: string, payload?: string) =>
  new Promise<{ status: number; body: any }>((resolve, reject) => {
    const started = performance.now()
    const req = request(
      url,
      {
        method,
        agent,
        headers: payload === undefined ? {} : { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) },
      },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (c: Buffer) => chunks.push(c))
        res.on('end', () => {
          const list = samples.get(op) ?? []
          samples.set(op, list)
          list.push(performance.now() - started)
          const text = Buffer.concat(chunks).toString()
          const parsed = text ? JSON.parse(text) : null
          if ((res.statusCode ?? 0) >= 500) reject(new Error(`${op} answered ${res.statusCode}: ${text}`))
          else resolve({ status: res.statusCode ?? 0, body: parsed })
        })
      },
    )
    req.on('error', (error) => reject(new Error(`${op} ${method} ${url}: ${error.message}`)))
    req.end(payload)
  })

/** Runs `work(i)` for i in [0, n) with at most `limit` in flight. */
const pool = async (n: number, limit: number, work: (i: number) => Promise<void>) => {
  let next = 0
  await Promise.all(
    Array.from({ length: limit }, async () => {
      while (next < n) await work(next++)
    }),
  )
}

const percentile = (sorted: readonly number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0

interface Fixture {
  readonly snapshots: PersistedSnapshot[][]
  /** The JSON text of each snapshot but the last (the saves), and of each racer: made once, not per request. */
  readonly saves: string[][]
  readonly racers: string[]
}

/** A save's body, as `JSON.stringify({ baseVersion, snapshot })` would write it. */
const saveBody = (baseVersion: number | undefined, snapshot: string) => `{"baseVersion":${baseVersion},"snapshot":${snapshot}}`

/** Per instance 4 saves, the first raced by a second tab (a 409 is answered by saving again on `current`). */
const saveAll = async (at: (i: number) => string, tokens: readonly string[], n: number, { saves, racers }: Fixture) => {
  const versions = new Array<number>(n).fill(1)
  const acknowledged = new Array<number>(n).fill(0)
  let turn = 0
  await pool(n, CONCURRENCY, async (i) => {
    for (const [step, snapshot] of (saves[i] as string[]).entries()) {
      for (;;) {
        const path = `/instances/${tokens[i]}`
        const sends = [call('save', 'PUT', `${at(turn++)}${path}`, saveBody(versions[i], snapshot))]
        if (step === 0) sends.push(call('save', 'PUT', `${at(turn++)}${path}`, saveBody(versions[i], racers[i] as string)))
        const [mine, racer] = await Promise.all(sends)
        if (racer?.status === 200) acknowledged[i] = (acknowledged[i] ?? 0) + 1
        if (mine?.status === 200) {
          acknowledged[i] = (acknowledged[i] ?? 0) + 1
          versions[i] = mine.body.version
          break
        }
        if (mine?.status !== 409) throw new Error(`save answered ${mine?.status}: ${JSON.stringify(mine?.body)}`)
        versions[i] = mine.body.current.version // this tab keeps its own copy, based on the current version
      }
    }
  })
  return { versions, acknowledged }
}

/** Submits every instance, then reads each back: how many lost an acknowledged write (or their submission). */
const submitAll = async (
  at: (i: number) => string,
  tokens: readonly string[],
  saved: Awaited<ReturnType<typeof saveAll>>,
  { snapshots }: Fixture,
) => {
  const { versions, acknowledged } = saved
  const submitBegan = performance.now()
  await pool(tokens.length, CONCURRENCY, async (i) => {
    const answer = await call(
      'submit',
      'POST',
      `${at(i + 1)}/instances/${tokens[i]}/submit`,
      JSON.stringify({ baseVersion: versions[i], snapshot: (snapshots[i] as PersistedSnapshot[]).at(-1) }),
    )
    if (answer.status !== 200) throw new Error(`submit answered ${answer.status}: ${JSON.stringify(answer.body)}`)
    acknowledged[i] = (acknowledged[i] ?? 0) + 1
  })
  const submitSeconds = (performance.now() - submitBegan) / 1000
  let lost = 0
  await pool(tokens.length, CONCURRENCY, async (i) => {
    const { body } = await call('load', 'GET', `${at(i)}/instances/${tokens[i]}`)
    const submitted = (snapshots[i] as PersistedSnapshot[]).at(-1) as PersistedSnapshot
    const samePath = canonicalJson(body.snapshot.path) === canonicalJson(submitted.path)
    const price = 20 + 5 * (1 + (i % 3))
    if (body.version !== 1 + (acknowledged[i] as number) || body.status !== 'submitted' || body.result?.price !== price || !samePath) lost++
  })
  return { submitSeconds, lost }
}

/** Start → saves → submit for `n` instances; the saves timed, with the CPU the servers and this client spent on them. */
const exercise = async (urls: readonly string[], pids: readonly number[], fixture: Fixture, n: number) => {
  const at = (i: number) => urls[i % urls.length] as string
  const tokens: string[] = []
  await pool(n, CONCURRENCY, async (i) => {
    tokens[i] = (await call('start', 'POST', `${at(i)}/instances`, '{"workflow":"enrollment"}')).body.token
  })
  const saveBegan = performance.now()
  const serverCpu = cpuMs(pids)
  const clientCpu = process.cpuUsage()
  const saved = await saveAll(at, tokens, n, fixture)
  const saveSeconds = (performance.now() - saveBegan) / 1000
  const saveCpuMs = cpuMs(pids) - serverCpu
  const { user, system } = process.cpuUsage(clientCpu)
  return { saveSeconds, saveCpuMs, clientCpuUs: user + system, ...(await submitAll(at, tokens, saved, fixture)) }
}

/**
 * One scenario: a warm-up round on `BENCH_WARMUP` instances (not measured: a fresh server's first requests compile
 * its code, which is start-up, not load), then start → 4 saves → submit on `BENCH_INSTANCES` others.
 */
const scenario = async (name: string, urls: readonly string[], pids: readonly number[], fixture: Fixture) => {
  const warm = WARMUP > 0 ? await exercise(urls, pids, fixture, Math.min(WARMUP, INSTANCES)) : undefined
  samples.clear()
  const run = await exercise(urls, pids, fixture, INSTANCES)
  const stat = (op: string) => {
    const ms = [...(samples.get(op) ?? [])].sort((a, b) => a - b)
    return { count: ms.length, p50: percentile(ms, 50), p99: percentile(ms, 99) }
  }
  const save = stat('save')
  const submit = stat('submit')
  return {
    scenario: name,
    'saves/s': Math.round(save.count / run.saveSeconds),
    'save p50 ms': Number(save.p50.toFixed(1)),
    'save p99 ms': Number(save.p99.toFixed(1)),
    'server CPU µs/save': Math.round((run.saveCpuMs * 1000) / save.count),
    'client CPU µs/save': Math.round(run.clientCpuUs / save.count),
    'submits/s': Math.round(submit.count / run.submitSeconds),
    'submit p50 ms': Number(submit.p50.toFixed(1)),
    'submit p99 ms': Number(submit.p99.toFixed(1)),
    'start p99 ms': Number(stat('start').p99.toFixed(1)),
    lost: run.lost + (warm?.lost ?? 0),
  }
}

const withServers = async <T>(
  envs: Record<string, string>[],
  work: (urls: string[], pids: number[]) => Promise<T>,
  root = ROOT,
): Promise<T> => {
  const servers: BenchServer[] = []
  try {
    for (const env of envs) servers.push(await startServer({ ...UNLIMITED, ...env }, root))
    return await work(
      servers.map((s) => s.url),
      servers.map((s) => s.child.pid as number),
    )
  } finally {
    await Promise.all(servers.map((s) => s.stop()))
  }
}

const snapshots = await Promise.all(Array.from({ length: INSTANCES }, (_, i) => snapshotsFor(i)))
const fixture: Fixture = {
  snapshots,
  saves: snapshots.map((list) => list.slice(0, -1).map((snapshot) => JSON.stringify(snapshot))),
  racers: await Promise.all(Array.from({ length: INSTANCES }, async (_, i) => JSON.stringify(await racerFor(i)))),
}
const dir = mkdtempSync(join(tmpdir(), 'flowkit-bench-'))
type Row = Awaited<ReturnType<typeof scenario>> & { '× baseline saves/s'?: number }
const rows: Row[] = []
/** One scenario on this server, after the same on the baseline's (a fresh database each) when there is one. */
const measure = async (name: string, envs: (run: string) => Record<string, string>[]) => {
  let baseline: Row | undefined
  if (BASELINE) {
    baseline = await withServers(envs('baseline'), (urls, pids) => scenario(`${name} (baseline)`, urls, pids, fixture), BASELINE)
    rows.push(baseline)
  }
  const row: Row = await withServers(envs('current'), (urls, pids) => scenario(name, urls, pids, fixture))
  if (baseline) row['× baseline saves/s'] = Number((row['saves/s'] / baseline['saves/s']).toFixed(2))
  rows.push(row)
}
try {
  await measure('SQLite, 1 process', (run) => [{ FLOWKIT_SQLITE: join(dir, `${run}.db`), DATABASE_URL: '' }])
  const pg = await startPostgres()
  if (pg) {
    try {
      // One table for every run, as without a baseline: a baseline runs first, on the smaller table.
      await measure('PostgreSQL, 1 process', () => [{ DATABASE_URL: pg.url }])
      await measure('PostgreSQL, 2 processes', () => [{ DATABASE_URL: pg.url }, { DATABASE_URL: pg.url }])
    } finally {
      pg.stop()
    }
  } else console.warn('PostgreSQL binaries not found and no DATABASE_URL: PostgreSQL rows skipped (apt-get install -y postgresql).')
} finally {
  rmSync(dir, { recursive: true, force: true })
  agent.destroy()
}

console.log(
  `\nflowkit server on 127.0.0.1${ROOT ? ` (${ROOT})` : ''}${BASELINE ? `, baseline ${BASELINE}` : ''}: ${INSTANCES} instances after ${WARMUP} to warm up, ${CONCURRENCY} concurrent clients; per instance start → 4 saves (the first raced by a second tab) → submit`,
)
console.table(rows)
const lost = rows.reduce((n, r) => n + r.lost, 0)
if (lost > 0) {
  console.error(`LOST UPDATES: ${lost}`)
  process.exitCode = 1
} else console.log('lost-update check: every acknowledged write is accounted for on every instance (0 lost).')
