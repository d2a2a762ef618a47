import { createRequire } from 'node:module'

const require = createRequire(import.meta.url)

/**
 * Loads an optional peer dependency of one entry (`better-sqlite3` for `@flowkit/server/sqlite`, `pg` for
 * `@flowkit/server/postgres`, `@hono/node-server` for `serve()` of `@flowkit/server/node`), so the other entries install
 * nothing native. A missing package is reported with what to install; any other failure (a broken native build) is
 * thrown as it is.
 */
export function requirePeer<T>(name: string, entry: string): T {
  try {
    return require(name) as T
  } catch (error) {
    const missing = (error as { code?: unknown }).code === 'MODULE_NOT_FOUND' && String(error).includes(`'${name}'`)
    if (!missing) throw error
    throw new Error(
      `${entry} needs ${name}, an optional peer dependency of @flowkit/server, and it is not installed. ` +
        `Install it in your app: npm install ${name}`,
      { cause: error },
    )
  }
}

/** Where a peer dependency's entry file is, for a worker thread that loads it too. */
export const resolvePeer = (name: string): string => require.resolve(name)
