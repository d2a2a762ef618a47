import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { InstanceStore } from '@flowkit/server'
import { postgresStore } from '@flowkit/server/postgres'
import { sqliteStore } from '@flowkit/server/sqlite'
import { inject } from 'vitest'

export interface Backend {
  readonly name: 'sqlite' | 'postgres'
  /** `true` when PostgreSQL is not available here (the suite is skipped, see globalSetup). */
  readonly skip: boolean
  /** A fresh, empty store (its own SQLite file, or its own PostgreSQL table). */
  create(): InstanceStore
}

let tables = 0
const pgUrl = inject('pgUrl')

/** The two real databases every store-backed suite runs against. */
export const backends: readonly Backend[] = [
  {
    name: 'sqlite',
    skip: false,
    create: () => sqliteStore({ filename: join(mkdtempSync(join(tmpdir(), 'flowkit-sqlite-')), 'flowkit.db') }),
  },
  {
    name: 'postgres',
    skip: pgUrl === null,
    create: () =>
      postgresStore({
        connectionString: pgUrl ?? '',
        table: `t_${process.pid}_${Date.now().toString(36)}_${++tables}`,
      }),
  },
]
