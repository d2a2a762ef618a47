import { readFileSync } from 'node:fs'
import { join } from 'node:path'

/** One public entry point of a package: `@flowkit/core/persist` and the source file behind it. */
export interface EntryPoint {
  /** The import specifier users write, e.g. `@flowkit/react/diagram`. */
  readonly specifier: string
  /** The page slug under `reference/api/`, e.g. `react-diagram`. */
  readonly slug: string
  /** Absolute path of the TypeScript source (the `@flowkit/source` condition). */
  readonly source: string
}

export const documentedPackages = ['core', 'react', 'tools', 'server'] as const

/**
 * Every entry point of every documented package, read from its `package.json` `exports`, so a new
 * subpath gets its reference page without anyone editing the docs.
 */
export function entryPoints(repoRoot: string): EntryPoint[] {
  return documentedPackages.flatMap((dir) => {
    const pkgDir = join(repoRoot, 'packages', dir)
    const pkg = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8')) as {
      name: string
      exports: Record<string, string | Record<string, string>>
    }
    return Object.entries(pkg.exports).flatMap(([subpath, target]) => {
      const source = typeof target === 'object' ? target['@flowkit/source'] : undefined
      if (!source) return []
      const specifier = subpath === '.' ? pkg.name : `${pkg.name}/${subpath.slice(2)}`
      return [{ specifier, slug: specifier.replace('@flowkit/', '').replaceAll('/', '-'), source: join(pkgDir, source) }]
    })
  })
}
