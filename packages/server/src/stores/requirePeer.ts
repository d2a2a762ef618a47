import { createRequire } from 'node:module'
import { WorkflowError } from '@flowkit/core'

const require = createRequire(import.meta.url)

/**
 * Loads an optional peer dependency of one entry (`better-sqlite3` for `@flowkit/server/sqlite`, `pg` for
 * `@flowkit/server/postgres`, `@hono/node-server` for `serve()` of `@flowkit/server/node`), so the other entries install
 * nothing native. A missing package is a `MISSING_DEPENDENCY` error that says what to install; any other failure is
 * thrown as it is (a native addon that was never built fails later, when it is first used: see `unbuiltAddon`).
 */
export function requirePeer<T>(name: string, entry: string): T {
  try {
    return require(name) as T
  } catch (error) {
    const missing = (error as { code?: unknown }).code === 'MODULE_NOT_FOUND' && String(error).includes(`'${name}'`)
    if (!missing) throw error
    throw new WorkflowError(
      'MISSING_DEPENDENCY',
      `${entry} needs ${name}, an optional peer dependency of @flowkit/server, and it is not installed. ` +
        `Install it in your app: npm install ${name}`,
      { category: 'usage', cause: error, details: { package: name } },
    )
  }
}

/** Where a peer dependency's entry file is, for a worker thread that loads it too. */
export const resolvePeer = (name: string): string => require.resolve(name)

/**
 * A native addon that did not load because it was never built for this Node (its install script was skipped, as npm 12
 * does until the script is approved, or it was built for another Node version), reported with how to build it; any
 * other error is returned as it is.
 */
export const unbuiltAddon = (name: string, entry: string, error: unknown): unknown => {
  const text = error instanceof Error ? error.message : String(error)
  const code = (error as { code?: unknown } | null)?.code
  if (!/Could not locate the bindings file|NODE_MODULE_VERSION|invalid ELF header/.test(text) && code !== 'ERR_DLOPEN_FAILED') return error
  return new WorkflowError(
    'MISSING_DEPENDENCY',
    `${entry} could not load ${name}'s native addon: it is not built for this Node.js (${process.version}). ` +
      `Allow its install script (npm install-scripts approve ${name}), then build it: npm rebuild ${name}`,
    { category: 'usage', cause: error, details: { package: name } },
  )
}
