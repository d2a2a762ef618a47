import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import ts from 'typescript'
import { describe, expect, test } from 'vitest'

const root = join(import.meta.dirname, '..')
// The front door and the package READMEs with code of their own.
const readmes = ['README.md', 'packages/server/README.md']

/** Every ```ts and ```tsx block of the READMEs, compiled with the repository's settings, as a user's file would be. */
describe('README snippets compile', () => {
  for (const readme of readmes) {
    test(`${readme}: every TypeScript block typechecks`, () => {
      const text = readFileSync(join(root, readme), 'utf8')
      const blocks = [...text.matchAll(/```(ts|tsx)\n([\s\S]*?)```/g)]
      expect(blocks.length).toBeGreaterThan(0)
      const dir = join(root, 'test', '.snippets')
      rmSync(dir, { recursive: true, force: true })
      mkdirSync(dir, { recursive: true })
      // Each block is a module of its own, so names do not clash; a block starting with
      // `// (continued)` goes on from the block before it, as a reader would read them.
      const modules: { lang: string; code: string }[] = []
      for (const [, lang = 'ts', code = ''] of blocks) {
        const last = modules.at(-1)
        if (code.startsWith('// (continued)') && last) {
          last.code += `\n${code}`
          if (lang === 'tsx') last.lang = 'tsx'
        } else modules.push({ lang, code })
      }
      const files = modules.map(({ lang, code }, i) => {
        const file = join(dir, `${readme.replace(/\W/g, '_')}-${i + 1}.${lang}`)
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
          const { line } = d.file!.getLineAndCharacterOfPosition(d.start ?? 0)
          return `${d.file!.fileName.split('/').pop()}:${line + 1} ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`
        })
      rmSync(dir, { recursive: true, force: true })
      expect(problems).toEqual([])
    })
  }
})
