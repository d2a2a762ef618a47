import type { TestProject } from 'vitest/node'
import { startPostgres } from './startPostgres'

declare module 'vitest' {
  export interface ProvidedContext {
    /** A PostgreSQL URL for the suites, or `null` when PostgreSQL is not installed (those suites are skipped). */
    pgUrl: string | null
  }
}

export default async function setup(project: TestProject) {
  const pg = await startPostgres()
  if (!pg) {
    const message = `PostgreSQL binaries not found (looked in ${process.env.FLOWKIT_PG_ROOT ?? '/usr/lib/postgresql'}/*/bin and $PG_BIN) and neither DATABASE_URL nor FLOWKIT_PG_URL is set`
    if (process.env.FLOWKIT_REQUIRE_POSTGRES === '1') {
      throw new Error(
        `[flowkit/server tests] ${message}, but FLOWKIT_REQUIRE_POSTGRES=1: install it with \`apt-get install -y postgresql\`.`,
      )
    }
    console.warn(`[flowkit/server tests] ${message}: the PostgreSQL suites are SKIPPED. Install postgresql to run them.`)
  }
  project.provide('pgUrl', pg?.url ?? null)
  return () => pg?.stop()
}
