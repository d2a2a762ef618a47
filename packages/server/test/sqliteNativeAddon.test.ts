import Module from 'node:module'
import { isWorkflowError } from '@flowkit/core'
import { sqliteStore } from '@flowkit/server/sqlite'
import { afterEach, describe, expect, it, vi } from 'vitest'

/** Node's CommonJS loader, behind every `require`: where better-sqlite3 loads its native addon through `bindings`. */
const loader = Module as unknown as { _load: (request: string, ...rest: unknown[]) => unknown }

afterEach(() => {
  vi.restoreAllMocks()
})

// Its own file: better-sqlite3 keeps its addon once loaded, and every test file runs in a fresh process.
describe('sqliteStore when better-sqlite3 is installed but its native addon was never built', () => {
  it('says how to build it (npm 12 skips unapproved install scripts), in a MISSING_DEPENDENCY error, before any addon loaded', () => {
    const load = loader._load
    const unbuilt = new Error('Could not locate the bindings file. Tried:\n → node_modules/better-sqlite3/build/better_sqlite3.node')
    vi.spyOn(loader, '_load').mockImplementation(function (this: unknown, request, ...rest) {
      if (request === 'bindings')
        return () => {
          throw unbuilt
        }
      return load.call(this, request, ...rest)
    })
    let error: unknown
    try {
      sqliteStore({ filename: ':memory:' })
    } catch (thrown) {
      error = thrown
    }
    expect(isWorkflowError(error)).toBe(true)
    expect(error).toMatchObject({ code: 'MISSING_DEPENDENCY', category: 'usage', details: { package: 'better-sqlite3' }, cause: unbuilt })
    expect((error as Error).message).toContain("@flowkit/server/sqlite could not load better-sqlite3's native addon")
    expect((error as Error).message).toContain('npm install-scripts approve better-sqlite3')
    expect((error as Error).message).toContain('npm rebuild better-sqlite3')
  })
})
