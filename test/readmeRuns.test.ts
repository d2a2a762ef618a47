import { execFile } from 'node:child_process'
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, describe, expect, test } from 'vitest'

const run = promisify(execFile)
const root = join(import.meta.dirname, '..')
const readme = readFileSync(join(root, 'README.md'), 'utf8')
const normalize = (text: string) => text.replace(/['"\s]/g, '')
const userEnv = () => {
  const { NODE_OPTIONS: _, VITEST: __, ...env } = process.env
  return env
}

/**
 * The README's engine snippets that say what they print (`console.log(…) // what it prints`) and use
 * nothing but `@flowkit/core`: each runs against the built packages, as a reader's file would, and
 * prints what its comments say. (The first snippet has its own test in firstHour.test.ts.)
 */
const blocks = [...readme.matchAll(/```ts\n([\s\S]*?)```/g)]
  .map((m) => m[1] ?? '')
  .slice(1)
  .filter((code) => /^console\.log\(.*\) \/\/ /m.test(code) && [...code.matchAll(/from '([^']+)'/g)].every((m) => m[1] === '@flowkit/core'))

describe('README snippets that print run as written', () => {
  const dir = join(root, 'test', '.readme-runs')
  afterAll(() => rmSync(dir, { recursive: true, force: true }))
  test('there are some', () => expect(blocks.length).toBeGreaterThan(0))
  for (const [i, code] of blocks.entries()) {
    const name = code.match(/defineWorkflow\(\{\s*id: '([^']+)'/)?.[1] ?? `#${i + 1}`
    test(`the snippet defining '${name}' prints what it says`, async () => {
      mkdirSync(dir, { recursive: true })
      writeFileSync(join(dir, 'tsconfig.json'), '{}\n')
      writeFileSync(join(dir, `snippet-${i}.ts`), code)
      const { stdout } = await run(process.execPath, ['--import', 'tsx', `snippet-${i}.ts`], { cwd: dir, env: userEnv() })
      const expected = [...code.matchAll(/^console\.log\(.*\) \/\/ (.*)$/gm)].map((m) => normalize(m[1] ?? ''))
      expect(stdout.trim().split('\n').map(normalize)).toEqual(expected)
    })
  }
})
