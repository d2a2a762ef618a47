import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'

/** One fenced code block of a docs page. */
export interface CodeBlock {
  readonly page: string
  readonly lang: string
  /** Words after the language: `title="src/main.tsx"`, `run`, `file="…"`. */
  readonly meta: string
  readonly code: string
  readonly line: number
}

export const docsRoot = join(import.meta.dirname, '../docs')

/** Every hand-written page (the generated reference is TypeDoc's output and has no code to compile). */
export const pages = (): string[] =>
  readdirSync(docsRoot, { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.mdx?$/.test(f) && !f.startsWith('reference/api/') && !['reference/errors.md', 'reference/flow-file.md'].includes(f))
    .sort()

/** The fenced blocks of a page, in order; four-backtick fences (blocks about blocks) are not code. */
export function codeBlocks(page: string): CodeBlock[] {
  const text = readFileSync(join(docsRoot, page), 'utf8')
  return [...text.matchAll(/^```(\w+)([^\n]*)\n([\s\S]*?)^```$/gm)].map((m) => ({
    page,
    lang: m[1]!,
    meta: m[2]!.trim(),
    code: m[3]!,
    line: text.slice(0, m.index).split('\n').length,
  }))
}

export const metaValue = (block: CodeBlock, key: string): string | undefined => new RegExp(`${key}="([^"]+)"`).exec(block.meta)?.[1]

/** The path a block's `file="…"` names, relative to the docs app. */
export const includedFile = (block: CodeBlock): string | undefined => {
  const file = metaValue(block, 'file')
  return file && relative(join(docsRoot, '..'), join(docsRoot, block.page, '..', file))
}
