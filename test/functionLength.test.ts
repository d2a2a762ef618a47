import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import ts from 'typescript'
import { expect, test } from 'vitest'

const root = join(import.meta.dirname, '..')
/** ARCHITECTURE.md: "no function in `packages/` runs over about 60 lines". About: a signature or a JSX tail may run over by a few. */
const LIMIT = 62

const sources = execFileSync('git', ['ls-files', 'packages/*/src/**/*.ts', 'packages/*/src/**/*.tsx'], { cwd: root })
  .toString()
  .split('\n')
  .filter((file) => file && !file.includes('.stories.') && !file.includes('.test.'))

/** Every function, arrow, method and class body in `file` longer than LIMIT lines, as `file:line name (n lines)`. */
const longFunctions = (file: string): string[] => {
  const source = ts.createSourceFile(file, readFileSync(join(root, file), 'utf8'), ts.ScriptTarget.Latest, true)
  const found: string[] = []
  const visit = (node: ts.Node) => {
    if (ts.isFunctionLike(node) && 'body' in node && node.body) {
      const first = source.getLineAndCharacterOfPosition(node.getStart()).line
      const lines = source.getLineAndCharacterOfPosition(node.getEnd()).line - first + 1
      const name = node.name?.getText() ?? (ts.isVariableDeclaration(node.parent) ? node.parent.name.getText() : '(anonymous)')
      if (lines > LIMIT) found.push(`${file}:${first + 1} ${name} (${lines} lines)`)
    }
    ts.forEachChild(node, visit)
  }
  visit(source)
  return found
}

test('no function in packages/ runs over about 60 lines (split it into named functions, each one rule)', () => {
  expect(sources.length).toBeGreaterThan(100)
  expect(sources.flatMap(longFunctions)).toEqual([])
})
