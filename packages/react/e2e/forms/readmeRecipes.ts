import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Plugin } from 'vite'

const readme = join(import.meta.dirname, '..', '..', '..', '..', 'README.md')
const PREFIX = 'readme-recipe:'

/** The README's TypeScript block that opens with `// Recipe: a step with <title>`; a clear error when it is gone. */
export const recipe = (title: string): string => {
  const text = readFileSync(readme, 'utf8')
  for (const [, code = ''] of text.matchAll(/```tsx\n([\s\S]*?)```/g)) {
    if (code.startsWith(`// Recipe: a step with ${title}\n`)) return code
  }
  throw new Error(
    `README.md has no \`\`\`tsx block opening with "// Recipe: a step with ${title}"; the form-library suite runs that block.`,
  )
}

const titles: Record<string, string> = { 'react-hook-form': 'react-hook-form', 'tanstack-form': 'TanStack Form' }

/** Serves `readme-recipe:<library>` imports from the README's recipe blocks, so the browser suite runs the documented code. */
export const readmeRecipes = (): Plugin => ({
  name: 'flowkit-readme-recipes',
  // A path inside the app (no file is there), so the block's own imports resolve as the app's do.
  resolveId: (id) =>
    id.startsWith(PREFIX) ? join(import.meta.dirname, 'app', 'readme-recipe', `${id.slice(PREFIX.length)}.tsx`) : undefined,
  load(id) {
    const match = /\/readme-recipe\/([\w-]+)\.tsx$/.exec(id)
    if (!match) return undefined
    const title = titles[match[1] as string]
    if (!title) throw new Error(`no README recipe named '${match[1]}'; known: ${Object.keys(titles).join(', ')}`)
    return recipe(title)
  },
})
