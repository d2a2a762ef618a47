import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { Application, type TypeDocOptions } from 'typedoc'
import type { PluginOptions } from 'typedoc-plugin-markdown'
import type { EntryPoint } from './entryPoints.ts'

/**
 * Writes one Markdown page per entry point into `outDir`, from the TSDoc in the sources (TypeDoc with
 * typedoc-plugin-markdown), and returns the exported names TypeDoc found per entry point. Throws when
 * TypeDoc cannot read the sources, so the docs build fails rather than shipping a stale reference.
 */
export async function generateApi(repoRoot: string, entries: readonly EntryPoint[], outDir: string): Promise<Map<string, string[]>> {
  rmSync(outDir, { recursive: true, force: true })
  const options: Partial<TypeDocOptions & PluginOptions> = {
    entryPoints: entries.map((e) => e.source),
    tsconfig: join(repoRoot, 'apps/docs/tsconfig.typedoc.json'),
    plugin: ['typedoc-plugin-markdown'],
    out: outDir,
    readme: 'none',
    outputFileStrategy: 'modules',
    entryFileName: 'index',
    hidePageHeader: true,
    hideBreadcrumbs: true,
    disableSources: true,
    sanitizeComments: true,
    excludePrivate: true,
    excludeInternal: true,
    skipErrorChecking: true,
    logLevel: 'Warn',
  }
  const app = await Application.bootstrapWithPlugins(options)
  const project = await app.convert()
  if (!project) throw new Error('generateApi: TypeDoc could not convert the package sources; run `npm run typecheck` to see why.')
  const exports = new Map<string, string[]>()
  for (const module of project.children ?? []) {
    // TypeDoc names a module by its path below the entry points' common folder (`packages/`).
    const entry = entries.find((e) => moduleName(repoRoot, e) === module.name)
    if (!entry) throw new Error(`generateApi: TypeDoc module '${module.name}' matches no entry point.`)
    module.name = entry.slug
    exports.set(
      entry.specifier,
      (module.children ?? []).map((c) => c.name),
    )
  }
  await app.generateOutputs(project)
  rmSync(join(outDir, 'index.md'), { force: true })
  for (const entry of entries) retitle(join(outDir, `${entry.slug}.md`), entry)
  fixAnchors(outDir)
  return exports
}

const moduleName = (repoRoot: string, entry: EntryPoint) =>
  relative(join(repoRoot, 'packages'), entry.source)
    .replace(/\.tsx?$/, '')
    .replace(/\/index$/, '')

/** TypeDoc titles a page with its module name; readers look for the import specifier. */
function retitle(file: string, entry: EntryPoint) {
  const text = readFileSync(file, 'utf8').replace(
    /^# .*$/m,
    `# ${entry.specifier}\n\n\`\`\`ts\nimport { … } from '${entry.specifier}'\n\`\`\``,
  )
  writeFileSync(file, `---\ntitle: '${entry.specifier}'\n---\n\n${text}`)
}

const slug = (heading: string) =>
  heading
    .toLowerCase()
    .replace(/[`*\\]/g, '')
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .trim()
    .replace(/\s+/g, '-')

/**
 * TypeDoc numbers an anchor (`#workflowdefinition-1`) when it has seen the name before, even where the
 * page has one heading of that name; point such links at the heading that exists. A link whose target
 * has no such heading at all is left alone, so the site's anchor check still fails on it.
 */
function fixAnchors(outDir: string) {
  const files = readdirSync(outDir).filter((f) => f.endsWith('.md'))
  const slugs = new Map(
    files.map((f) => [f, new Set([...readFileSync(join(outDir, f), 'utf8').matchAll(/^#+ (.*)$/gm)].map((m) => slug(m[1]!)))]),
  )
  for (const file of files) {
    const text = readFileSync(join(outDir, file), 'utf8')
    const fixed = text.replace(/\]\(([\w.-]*\.md)?#([\w-]+)\)/g, (link, target: string | undefined, anchor: string) => {
      const known = slugs.get(target ?? file)
      const base = anchor.replace(/-\d+$/, '')
      return known && !known.has(anchor) && known.has(base) ? `](${target ?? ''}#${base})` : link
    })
    if (fixed !== text) writeFileSync(join(outDir, file), fixed)
  }
}

/** The generated pages, for the sidebar. */
export const apiPages = (outDir: string): string[] =>
  readdirSync(outDir)
    .filter((f) => f.endsWith('.md'))
    .map((f) => f.slice(0, -3))
    .sort()
