import { execFile } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { createWorkflow } from '@flowkit/core'
import { loadWorkflow } from '@flowkit/tools'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'

const run = promisify(execFile)
const root = join(import.meta.dirname, '..')
const readme = readFileSync(join(root, 'README.md'), 'utf8')
const blocks = (lang: string) => [...readme.matchAll(new RegExp(`\`\`\`${lang}\\n([\\s\\S]*?)\`\`\``, 'g'))].map((m) => m[1] ?? '')

// What a reader sees: quotes and spacing differ between a comment and Node's console output, values do not.
const normalize = (text: string) => text.replace(/['"\s]/g, '')

/** Plain Node with no source condition and no network: the packages resolve to their built `dist`, as in a user's app. */
const userEnv = () => {
  const { NODE_OPTIONS: _, VITEST: __, ...env } = process.env
  return { ...env, npm_config_yes: 'false', npm_config_update_notifier: 'false' }
}

// The first hour: after `npm install` on a fresh clone, the README's first snippet and its CLI commands run as written.
describe('the first hour with the README', () => {
  const dir = join(root, 'test', '.first-hour')
  beforeAll(() => {
    rmSync(dir, { recursive: true, force: true })
    mkdirSync(join(dir, 'flows'), { recursive: true })
  })
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  test('the first snippet runs against the built packages and prints what its comments say', async () => {
    if (!existsSync(join(root, 'packages/core/dist/index.js'))) {
      throw new Error(
        'packages/core/dist is missing: `npm install` builds the packages (the root `prepare` script); or run `npm run build:packages`.',
      )
    }
    const first = blocks('ts')[0] ?? ''
    // Its own folder with an empty tsconfig: nothing of the repository's settings (the source condition) applies.
    writeFileSync(join(dir, 'tsconfig.json'), '{}\n')
    writeFileSync(join(dir, 'first.ts'), first)
    const { stdout } = await run(process.execPath, ['--import', 'tsx', 'first.ts'], { cwd: dir, env: userEnv() })
    const expected = [...first.matchAll(/^console\.log\(.*\) \/\/ (.*)$/gm)].map((m) => normalize(m[1] ?? ''))
    expect(expected.length).toBeGreaterThan(0)
    expect(stdout.trim().split('\n').map(normalize)).toEqual(expected)
  })

  test("every `npx flowkit` command runs in a project holding the README's flow file", async () => {
    const flow = blocks('json').find((block) => block.includes('"$schema"')) ?? ''
    writeFileSync(join(dir, 'flows', 'checkout.flow.json'), flow)
    // The names the flow file uses, as the README's registry gives them.
    writeFileSync(
      join(dir, 'registry.js'),
      'export default { actions: { placeOrder: async ({ state }) => ({ orderId: "A-" + state.items }) } }\n',
    )
    const checkout = loadWorkflow(flow, { actions: { placeOrder: async () => ({}) } })
    const journey = createWorkflow(checkout)
    await journey.next({ items: 2, digitalOnly: true })
    writeFileSync(join(dir, 'log.json'), JSON.stringify(journey.getSnapshot().log))
    const commands = blocks('sh')
      .flatMap((block) => block.split('\n'))
      .map((line) => line.replace(/\s+#.*$/, '').trim())
      // The simulator too: it writes the journeys the `insights` command reads.
      .filter((line) => line.startsWith('npx flowkit ') || line.startsWith('npm run simulate '))
    expect(commands.length).toBeGreaterThanOrEqual(5)
    for (const command of commands) {
      const { stdout } = await run('sh', ['-c', command], { cwd: command.includes('packages/') ? root : dir, env: userEnv() }).catch(
        (error: { stdout?: string; stderr?: string; message: string }) => {
          throw new Error(`\`${command}\` failed:\n${error.stderr || error.stdout || error.message}`)
        },
      )
      expect(stdout, command).not.toBe('')
    }
  })
})
