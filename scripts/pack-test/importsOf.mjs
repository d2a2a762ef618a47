// The packages a published package's files import, by package name: at run time (.js) and in its types (.d.ts).

import { readdirSync, readFileSync } from 'node:fs'
import { builtinModules } from 'node:module'
import { join } from 'node:path'

const STATIC = /(?:^|[;\s}])(?:import|export)\s*(?:type\s+)?(?:[\w*{}\s,$]*?\sfrom\s*)?["']([^"'\n]+)["']/g
const DYNAMIC = /\bimport\(\s*["']([^"'\n]+)["']\s*\)/g
const BARE = /^(?:@[\w.-]+\/)?[\w.-]+(?:\/[\w./-]*)?$/

const packageName = (specifier) =>
  specifier
    .split('/')
    .slice(0, specifier.startsWith('@') ? 2 : 1)
    .join('/')
const isBuiltin = (specifier) => specifier.startsWith('node:') || builtinModules.includes(packageName(specifier))

const filesOf = (dir) =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.(m?js|d\.ts)$/.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name))

/** `{ runtime, types }`: sets of package names (no builtins, no relative paths) imported under `dir`. */
export function importsOf(dir) {
  const found = { runtime: new Set(), types: new Set() }
  for (const file of filesOf(dir)) {
    const text = readFileSync(file, 'utf8')
    const into = file.endsWith('.d.ts') ? found.types : found.runtime
    for (const [, specifier] of [...text.matchAll(STATIC), ...text.matchAll(DYNAMIC)]) {
      if (BARE.test(specifier) && !specifier.startsWith('.') && !isBuiltin(specifier)) into.add(packageName(specifier))
    }
  }
  return found
}
