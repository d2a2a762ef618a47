import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createWorkflow, defineWorkflow, getPersistedSnapshot, journeyLog } from '@flowkit/core'
import { createFlowkitHandler } from '@flowkit/server'
import { sqliteStore } from '@flowkit/server/sqlite'
import { beforeAll, describe, expect, it } from 'vitest'
import { queryOf } from '../src/cli/insights'
import { runCli } from '../src/cli/runCli'

const signup = defineWorkflow({
  id: 'signup',
  version: 1,
  initial: 'email',
  state: {},
  steps: { email: { next: 'plan' }, plan: { next: 'welcome' }, welcome: { final: true } },
})

const dir = mkdtempSync(join(tmpdir(), 'flowkit-insights-cli-'))
const db = join(dir, 'flowkit.db')
/** Two hours ago, on the hour: journeys are counted by the hour they started. */
const T0 = Math.floor(Date.now() / 3600_000) * 3600_000 - 2 * 3600_000

/** Two journeys through a real handler and store with a fixed clock: one finished, one abandoned on `plan` two hours ago. */
beforeAll(async () => {
  let clock = T0
  const store = sqliteStore({ filename: db })
  const handler = createFlowkitHandler({ definitions: [signup], store, now: () => clock })
  const call = (method: string, path: string, body: unknown) =>
    handler(new Request(`http://x${path}`, { method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })).then(
      (r) => r.json() as Promise<any>,
    )
  for (const steps of [[10, 30, 40], [20]]) {
    clock = T0
    const flow = createWorkflow(signup, { now: () => clock, log: journeyLog() })
    const { token } = await call('POST', '/instances', { workflow: 'signup', snapshot: getPersistedSnapshot(flow) })
    for (const [i, at] of steps.entries()) {
      clock = T0 + at * 1000
      await flow.next({})
      await call('PUT', `/instances/${token}`, { baseVersion: i + 1, snapshot: getPersistedSnapshot(flow) })
    }
  }
  await store.close()
})

const run = async (...argv: string[]) => {
  let out = ''
  let err = ''
  const code = await runCli(argv, { out: (t) => (out += t), err: (t) => (err += t), cwd: dir })
  return { code, out, err }
}

describe('flowkit insights', () => {
  it('prints the journeys, a table of steps and the paths of a SQLite file', async () => {
    expect(await run('insights', 'signup', '--db', 'flowkit.db')).toEqual({
      code: 0,
      err: '',
      out: `signup (all versions), journeys started the first … now
2 started · 1 completed (50.0%) · 1 abandoned (idle > 30m 00s) · 0 in progress · 0 resumed on another device

step     reached  completed  abandoned  backs  median    p90  blocking fields
───────  ───────  ─────────  ─────────  ─────  ──────  ─────  ───────────────
email          2          2          0      0   10.0s  20.0s
plan           2          1          1      0   20.0s  20.0s
welcome        1          1          0      0   10.0s  10.0s

most frequent paths
       1  email → plan
       1  email → plan → welcome
`,
    })
  })

  it('prints the same numbers as JSON with --json, for the version and range asked for', async () => {
    const { code, out } = await run(
      'insights',
      'signup',
      '--db',
      db,
      '--json',
      '--version',
      '1',
      '--from',
      String(T0),
      '--abandon-after',
      '600',
    )
    expect(code).toBe(0)
    const insights = JSON.parse(out)
    expect(insights).toMatchObject({ workflow: 'signup', version: 1, from: T0, to: null, abandonAfter: 36_000_000 })
    expect(insights.journeys).toEqual({ started: 2, completed: 1, abandoned: 0, inProgress: 1, resumed: 0, completionRate: 0.5 })
    const later = JSON.parse((await run('insights', 'signup', '--db', db, '--json', '--from', String(T0 + 3600_000))).out)
    expect(later).toMatchObject({ from: T0 + 3600_000, journeys: { started: 0 } })
  })

  it('says what is wrong with the command line and exits 2', async () => {
    expect(await run('insights', '--db', db)).toMatchObject({ code: 2, err: expect.stringContaining('name one workflow and the database') })
    expect(await run('insights', 'signup')).toMatchObject({ code: 2, err: expect.stringContaining('--db') })
    expect(await run('insights', 'signup', '--db', 'missing.db')).toMatchObject({
      code: 2,
      err: expect.stringContaining('no such SQLite file'),
    })
    expect(await run('insights', 'signup', '--db', db, '--from', 'someday')).toMatchObject({
      code: 2,
      err: expect.stringContaining('--from'),
    })
    expect(await run('insights', 'signup', '--db', db, '--abandon-after', 'soon')).toEqual({
      code: 2,
      out: '',
      err: "flowkit insights: --abandon-after must be minutes (a whole number), not 'soon'.\n",
    })
    const reversed = await run('insights', 'signup', '--db', db, '--from', '2026-12-02', '--to', '2026-12-01')
    expect(reversed).toMatchObject({ code: 2, err: expect.stringContaining('is after `to`') })
  })
})

describe('the insights command line, read', () => {
  it('refuses a wrong one with an INVALID_OPTION WorkflowError (usage) naming the flag', () => {
    expect(() => queryOf('signup', { from: 'someday' })).toThrow(
      expect.objectContaining({ code: 'INVALID_OPTION', category: 'usage', details: { command: 'insights', flag: '--from' } }),
    )
  })
})
