import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import ts from 'typescript'
import { expect, it } from 'vitest'

const root = join(import.meta.dirname, '..', '..', '..')

it('compiles every TypeScript block of the package README against the real API', () => {
  const text = readFileSync(join(import.meta.dirname, '..', 'README.md'), 'utf8')
  const blocks = [...text.matchAll(/```(ts|tsx)\n([\s\S]*?)```/g)]
  expect(blocks.length).toBeGreaterThanOrEqual(5)
  const dir = join(import.meta.dirname, '.snippets')
  rmSync(dir, { recursive: true, force: true })
  mkdirSync(dir, { recursive: true })
  try {
    // Each block is a module of its own, so top-level await and names do not clash.
    const files = blocks.map(([, lang, code], i) => {
      const file = join(dir, `readme-${i + 1}.${lang}`)
      writeFileSync(file, `${code}\nexport {}\n`)
      return file
    })
    const config = ts.getParsedCommandLineOfConfigFile(
      join(root, 'tsconfig.json'),
      {},
      { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} },
    )
    if (!config) throw new Error('tsconfig.json could not be read')
    const program = ts.createProgram(files, {
      ...config.options,
      noEmit: true,
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.ESNext,
    })
    const problems = ts
      .getPreEmitDiagnostics(program)
      .filter((d) => d.file && files.includes(d.file.fileName))
      .map((d) => {
        const { line } = d.file?.getLineAndCharacterOfPosition(d.start ?? 0) ?? { line: 0 }
        return `${d.file?.fileName.split('/').pop()}:${line + 1} ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`
      })
    expect(problems).toEqual([])
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}, 60_000)
