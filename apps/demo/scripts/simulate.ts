/**
 * `npm run simulate -w @flowkit/demo -- [--db <file.db | postgres://…>] [--flow enrollment|checkout] [--journeys 10000]
 * [--seed 15] [--days 14] [--if-empty]`: simulated journeys through the demo's flows (each of them, or the one named)
 * into SQLite (default apps/demo/.flowkit/demo.db, the file `npm run demo` serves) or PostgreSQL, for the insights
 * page and `flowkit insights`. With `--if-empty` it writes no journeys of a flow the database has journeys of
 * already (`npm run demo` seeds that way).
 */
import { mkdirSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import type { InstanceStore } from '@flowkit/server'
import { postgresStore } from '@flowkit/server/postgres'
import { sqliteStore } from '@flowkit/server/sqlite'
import Database from 'better-sqlite3'
import pg from 'pg'
import { checkout } from '../src/flows/checkout'
import { enrollment } from '../src/flows/enrollment'
import { simulateInto } from './simulateInto'
import { checkoutProfile, enrollmentProfile } from './simulateProfile'

/** The demo's SQLite file. */
export const DEMO_DB = join(resolve(dirname(fileURLToPath(import.meta.url)), '..'), '.flowkit', 'demo.db')

interface Target {
  readonly store: InstanceStore
  /** Runs `work` (many writes) at once. */
  batch<T>(work: () => Promise<T>): Promise<T>
  /** Whether the database has journeys of `workflow`. */
  has(workflow: string): Promise<boolean>
}

/**
 * A store on a PostgreSQL URL or a SQLite file, and how to write many journeys to it at once: on SQLite in one
 * transaction (each journey's own transaction nests in it), 10,000 journeys in about a second instead of many.
 */
export const storeAt = (db: string): Target => {
  if (/^postgres(ql)?:\/\//.test(db)) {
    const pool = new pg.Pool({ connectionString: db })
    const store = postgresStore({ pool })
    return {
      store: {
        ...store,
        close: async () => {
          await store.close()
          await pool.end()
        },
      },
      batch: (work) => work(),
      has: async (workflow) => {
        await store.init()
        return (await pool.query('SELECT 1 FROM flowkit_instances_journey WHERE workflow = $1 LIMIT 1', [workflow])).rows.length > 0
      },
    }
  }
  mkdirSync(dirname(resolve(db)), { recursive: true })
  const database = new Database(resolve(db))
  database.pragma('journal_mode = WAL')
  const store = sqliteStore({ database })
  return {
    store: {
      ...store,
      close: async () => {
        await store.close()
        database.close()
      },
    },
    has: async (workflow) =>
      database.prepare('SELECT 1 FROM flowkit_instances_journey WHERE workflow = ? LIMIT 1').get(workflow) !== undefined,
    batch: async (work) => {
      database.exec('BEGIN IMMEDIATE')
      try {
        const result = await work()
        database.exec('COMMIT')
        return result
      } catch (error) {
        database.exec('ROLLBACK')
        throw error
      }
    },
  }
}

const whole = (name: string, text: string | undefined, fallback: number) => {
  const value = text === undefined ? fallback : Number(text)
  if (!Number.isSafeInteger(value) || value < 1) throw new Error(`--${name} must be a whole number above 0, not '${text}'.`)
  return value
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({
    options: {
      db: { type: 'string' },
      journeys: { type: 'string' },
      seed: { type: 'string' },
      days: { type: 'string' },
      flow: { type: 'string' },
      'if-empty': { type: 'boolean' },
    },
  })
  const flows = [
    { definition: enrollment, profile: enrollmentProfile },
    { definition: checkout, profile: checkoutProfile },
  ].filter((f) => values.flow === undefined || f.definition.id === values.flow)
  if (flows.length === 0) throw new Error(`--flow must be enrollment or checkout, not '${values.flow}'.`)
  const db = values.db || process.env.DATABASE_URL || DEMO_DB
  const { store, batch, has } = storeAt(db)
  const options = {
    journeys: whole('journeys', values.journeys, 10_000),
    seed: whole('seed', values.seed, 15),
    days: whole('days', values.days, 14),
  }
  for (const { definition, profile } of flows) {
    if (values['if-empty'] && (await has(definition.id))) continue
    const started = performance.now()
    const count = await batch(() => simulateInto(store, definition, profile, options))
    const where = db.replace(/\/\/[^@/]*@/, '//…@')
    console.log(`simulated ${count} ${definition.id} journeys into ${where} in ${Math.round(performance.now() - started)} ms`)
  }
  await store.close()
}
