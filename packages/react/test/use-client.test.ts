import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { build } from 'vite'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

const root = join(import.meta.dirname, '..')
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  exports: Record<string, string | { default?: string }>
}
/** Every JavaScript entry the package publishes, as `./dist/<name>.js`. */
const entries = Object.entries(manifest.exports)
  .map(([subpath, target]) => [subpath, typeof target === 'string' ? target : target.default] as const)
  .filter((entry): entry is readonly [string, string] => entry[1]?.endsWith('.js') === true)

// The package's own build (its vite.config.ts), written to a temporary folder so that `dist` is left alone.
let outDir = ''
beforeAll(async () => {
  outDir = mkdtempSync(join(tmpdir(), 'flowkit-react-build-'))
  await build({ root, configFile: join(root, 'vite.config.ts'), logLevel: 'silent', build: { outDir, emptyOutDir: true } })
}, 60_000)
afterAll(() => rmSync(outDir, { recursive: true, force: true }))

describe('the built package for React Server Components', () => {
  it('publishes at least the main entry', () => {
    expect(entries.map(([subpath]) => subpath)).toContain('.')
  })

  it.each(entries)('%s opens with the "use client" directive', (_, target) => {
    const code = readFileSync(join(outDir, target.replace(/^\.\/dist\//, '')), 'utf8')
    expect(code.startsWith('"use client";\n')).toBe(true)
  })
})
