// @vitest-environment node
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { flowJsonSchema } from '@flowkit/tools'
import { afterAll, describe, expect, test } from 'vitest'
import { entryPoints } from '../src/reference/entryPoints.ts'
import { errorCodes } from '../src/reference/errorCodes.ts'
import { generateApi } from '../src/reference/generateApi.ts'
import { parseCodeUnion } from '../src/reference/parseCodeUnion.ts'
import { renderErrors } from '../src/reference/renderErrors.ts'
import { flowFileObject, renderFlowSchema } from '../src/reference/renderFlowSchema.ts'

const repoRoot = join(import.meta.dirname, '../../..')
const out = mkdtempSync(join(tmpdir(), 'flowkit-docs-api-'))
afterAll(() => rmSync(out, { recursive: true, force: true }))

describe('the generated reference', () => {
  test('the error-code page has a row, with a meaning and a fix, for every code of WorkflowErrorCode', () => {
    const union = parseCodeUnion(readFileSync(join(repoRoot, 'packages/core/src/WorkflowError.ts'), 'utf8'), 'WorkflowErrorCode')
    const { markdown } = renderErrors(repoRoot)
    expect(union.length).toBeGreaterThan(30)
    for (const { code, category } of union) {
      expect(category, `${code} sits under a category comment`).toMatch(/^(definition|usage|transition|snapshot|storage|server)$/)
      expect(markdown).toContain(`<span id="${code.toLowerCase()}">\`${code}\`</span>`)
      const doc = (errorCodes as Record<string, { meaning: string; fix: string }>)[code]
      expect(doc?.meaning.length).toBeGreaterThan(20)
      expect(doc?.fix.length).toBeGreaterThan(10)
    }
  })

  test('a code added to the union without a row fails the page, naming the code and the file to edit', () => {
    const fakeRepo = mkdtempSync(join(tmpdir(), 'flowkit-docs-codes-'))
    try {
      mkdirSync(join(fakeRepo, 'packages/core/src'), { recursive: true })
      const source = "export type WorkflowErrorCode =\n  // usage: mistakes\n  | 'NOT_VISITED'\n  | 'BRAND_NEW_CODE'\n"
      writeFileSync(join(fakeRepo, 'packages/core/src/WorkflowError.ts'), source)
      expect(parseCodeUnion(source, 'WorkflowErrorCode')).toEqual([
        { code: 'NOT_VISITED', category: 'usage', group: 'mistakes' },
        { code: 'BRAND_NEW_CODE', category: 'usage', group: 'mistakes' },
      ])
      expect(() => renderErrors(fakeRepo)).toThrow(/'BRAND_NEW_CODE' has no row in apps\/docs\/src\/reference\/errorCodes\.ts/)
      expect(() => parseCodeUnion(source, 'Renamed')).toThrow(/no union type 'Renamed'/)
    } finally {
      rmSync(fakeRepo, { recursive: true, force: true })
    }
  })

  test('every entry point in the packages’ exports gets a reference page', () => {
    const specifiers = entryPoints(repoRoot).map((e) => e.specifier)
    for (const pkg of ['core', 'react', 'tools', 'server']) {
      const { name, exports } = JSON.parse(readFileSync(join(repoRoot, 'packages', pkg, 'package.json'), 'utf8'))
      for (const [subpath, target] of Object.entries(exports as Record<string, unknown>)) {
        if (typeof target !== 'object') continue // package.json, schema.json
        expect(specifiers).toContain(subpath === '.' ? name : `${name}/${subpath.slice(2)}`)
      }
    }
  })

  test('every export of every entry point is on its page, from the TSDoc in the source', async () => {
    const entries = entryPoints(repoRoot)
    const found = await generateApi(repoRoot, entries, out)
    for (const entry of entries) {
      const page = readFileSync(join(out, `${entry.slug}.md`), 'utf8')
      const names = found.get(entry.specifier) ?? []
      expect(names.length, `${entry.specifier} has exports`).toBeGreaterThan(0)
      // The Markdown escapes underscores in headings (`TIME\\_BUCKETS`).
      for (const name of names) {
        expect(page, `${entry.specifier} documents ${name}`).toMatch(new RegExp(`^#+ ${name.replaceAll('_', '\\\\?_')}\\b`, 'm'))
      }
    }
    // The TSDoc text itself makes it through: the first line of useWorkflow's comment, read from its source.
    const source = readFileSync(join(repoRoot, 'packages/react/src/useWorkflow.ts'), 'utf8')
    const comment = source.slice(source.lastIndexOf('/**', source.indexOf('export function useWorkflow')))
    const summary = comment.split('\n')[1]?.replace(/^\s*\* /, '')
    expect(summary).toBeTruthy()
    expect(readFileSync(join(out, 'react.md'), 'utf8')).toContain(summary!.slice(0, 40))
  }, 180_000)

  test('the flow-file page lists every key of the file format', () => {
    const page = renderFlowSchema()
    const keys = Object.keys(flowFileObject().properties ?? {})
    expect(keys).toEqual(expect.arrayContaining(['id', 'initial', 'state', 'steps']))
    for (const key of keys) expect(page).toContain(`| \`${key}\` |`)
    expect(page).toContain(JSON.stringify(flowJsonSchema(), null, 2))
    expect(page).toContain('"$schema"')
  })
})
