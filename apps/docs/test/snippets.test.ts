// @vitest-environment node
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'
import ts from 'typescript'
import { afterAll, describe, expect, test } from 'vitest'
import { type CodeBlock, codeBlocks, includedFile, metaValue, pages } from './codeBlocks.ts'

const appRoot = join(import.meta.dirname, '..')
const repoRoot = join(appRoot, '../..')
const scratch = join(import.meta.dirname, '.snippets')
const isCode = (b: CodeBlock) => b.lang === 'ts' || b.lang === 'tsx'

/**
 * Writes a page's TypeScript blocks as the files a reader would create: a block with `title="…"` at that
 * path, any other as a module of its own, and each `file="…"` include under `src/` (where the guides
 * tell readers to put it), so blocks that import each other resolve.
 */
function writePage(page: string): string[] {
  const dir = join(scratch, page.replace(/\W/g, '_'))
  mkdirSync(dir, { recursive: true })
  return codeBlocks(page)
    .filter(isCode)
    .map((block) => {
      const included = includedFile(block)
      const target = included
        ? join(dir, 'src', basename(included))
        : join(dir, metaValue(block, 'title') ?? `block-${block.line}.${block.lang}`)
      mkdirSync(dirname(target), { recursive: true })
      // An include is compiled where it lives (the root typecheck covers apps/docs/src); here it is re-exported.
      if (included) writeFileSync(target, `export * from '${join(appRoot, included)}'\n`)
      else writeFileSync(target, `${block.code}\nexport {}\n`)
      return target
    })
}

/** The TypeScript blocks of the package READMEs that point into this site, as modules of their own. */
function writeReadmes(): string[] {
  return ['core', 'react', 'tools'].flatMap((pkg) =>
    [...readFileSync(join(repoRoot, 'packages', pkg, 'README.md'), 'utf8').matchAll(/^```(ts|tsx)\n([\s\S]*?)^```$/gm)].map((m, i) => {
      const file = join(scratch, 'readmes', `${pkg}-${i}.${m[1]}`)
      mkdirSync(dirname(file), { recursive: true })
      writeFileSync(file, `${m[2]}\nexport {}\n`)
      return file
    }),
  )
}

function compile(files: string[]): string[] {
  const config = ts.getParsedCommandLineOfConfigFile(
    join(repoRoot, 'tsconfig.json'),
    {},
    { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} },
  )
  if (!config) throw new Error('tsconfig.json could not be read')
  // Also with the unused-name checks of Vite's react-ts template, so a snippet copied into a fresh app compiles there too.
  const program = ts.createProgram(files, { ...config.options, noEmit: true, noUnusedLocals: true, noUnusedParameters: true })
  return ts
    .getPreEmitDiagnostics(program)
    .filter((d) => d.file && files.includes(d.file.fileName))
    .map((d) => {
      const { line } = d.file!.getLineAndCharacterOfPosition(d.start ?? 0)
      return `${d.file!.fileName.slice(scratch.length + 1)}:${line + 1} ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`
    })
}

afterAll(() => rmSync(scratch, { recursive: true, force: true }))

describe('every code block on every page', () => {
  const all = pages().flatMap(codeBlocks)

  test('every TypeScript block of every page and package README compiles with the repository settings, as a reader’s file would', () => {
    rmSync(scratch, { recursive: true, force: true })
    const files = pages().flatMap(writePage)
    const readmes = writeReadmes()
    expect(files.length).toBeGreaterThan(20)
    expect(readmes.length).toBe(4)
    expect(compile([...files, ...readmes])).toEqual([])
  }, 120_000)

  test('every file a page includes exists', () => {
    const missing = all.flatMap((b) => {
      const file = includedFile(b)
      return file && !existsSync(join(appRoot, file)) ? [`${b.page}:${b.line} ${file}`] : []
    })
    expect(missing).toEqual([])
  })

  const runnable = all.filter((b) => isCode(b) && /\brun\b/.test(b.meta))
  test('there are runnable blocks on the concept pages', () => {
    expect(runnable.filter((b) => b.page.startsWith('concepts/')).length).toBeGreaterThanOrEqual(9)
  })

  for (const block of runnable) {
    test(`${block.page}:${block.line} runs without throwing`, async () => {
      const file = join(scratch, 'run', `${block.page.replace(/\W/g, '_')}-${block.line}.${block.lang}`)
      mkdirSync(dirname(file), { recursive: true })
      writeFileSync(file, `${block.code}\nexport {}\n`)
      await expect(import(/* @vite-ignore */ file)).resolves.toBeDefined()
    })
  }
})
