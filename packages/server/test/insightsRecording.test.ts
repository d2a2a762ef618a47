import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createWorkflow, getPersistedSnapshot, journeyLog } from '@flowkit/core'
import { createFlowkitHandler, type InsightsStoreOptions, type InstanceStore, pruneInsights } from '@flowkit/server'
import { postgresStore } from '@flowkit/server/postgres'
import { sqliteStore } from '@flowkit/server/sqlite'
import Database from 'better-sqlite3'
import pg from 'pg'
import { afterAll, describe, expect, inject, it } from 'vitest'
import { enrollment } from '../src/examples/enrollment'
import { api } from './helpers/api'
import { driveJourneys, KNOWN, SECRET, T0 } from './helpers/journeys'

interface Event {
  instance: string
  seq: number
  type: string
  step: string
  at: number
  reason: string | null
  fields: string[] | null
}

/** A store and a raw view of its tables, to see exactly what is recorded. */
interface Opened {
  store: InstanceStore
  events(): Promise<Event[]>
  instances(): Promise<string>
}

const pgUrl = inject('pgUrl')
let tables = 0
const closers: (() => unknown)[] = []
afterAll(async () => {
  for (const close of closers) await close()
})

const open: Record<'sqlite' | 'postgres', (insights?: InsightsStoreOptions | false) => Opened> = {
  sqlite: (insights) => {
    const db = new Database(join(mkdtempSync(join(tmpdir(), 'flowkit-journey-')), 'j.db'))
    closers.push(() => db.close())
    const store = sqliteStore({ database: db, ...(insights !== undefined && { insights }) })
    return {
      store,
      events: async () =>
        db
          .prepare<[], Event & { fields: string | null }>('SELECT * FROM flowkit_instances_journey ORDER BY instance, seq')
          .all()
          .map((e) => ({ ...e, fields: e.fields === null ? null : JSON.parse(e.fields) })),
      instances: async () => JSON.stringify(db.prepare('SELECT * FROM flowkit_instances').all()),
    }
  },
  postgres: (insights) => {
    const pool = new pg.Pool({ connectionString: pgUrl ?? '' })
    closers.push(() => pool.end())
    const table = `j_${process.pid}_${++tables}`
    const store = postgresStore({ pool, table, ...(insights !== undefined && { insights }) })
    return {
      store,
      events: async () =>
        (await pool.query(`SELECT * FROM ${table}_journey ORDER BY instance, seq`)).rows.map((e) => ({ ...e, at: Number(e.at) })),
      instances: async () => JSON.stringify((await pool.query(`SELECT * FROM ${table}`)).rows),
    }
  },
}

const strip = (events: Event[]) =>
  events.map(({ seq, type, step, at, reason, fields }) => [seq, type, step, (at - T0) / 1000, reason, fields])

describe.each(['sqlite', 'postgres'] as const)('journey recording on %s', (name) => {
  const skip = name === 'postgres' && pgUrl === null

  it.skipIf(skip)('records each log entry once, in order, with the server’s submitted at the end', async () => {
    const { store, events } = open[name]()
    await driveJourneys(store, KNOWN.slice(0, 1))
    expect(strip(await events())).toEqual([
      [1, 'entered', 'contact', 0, null, null],
      [2, 'completed', 'contact', 10, null, null],
      [3, 'entered', 'plan', 10, null, null],
      [4, 'completed', 'plan', 30, null, null],
      [5, 'entered', 'payment', 30, null, null],
      [6, 'completed', 'payment', 50, null, null],
      [7, 'entered', 'review', 50, null, null],
      [8, 'completed', 'review', 60, null, null],
      [9, 'done', 'review', 60, null, null],
      [10, 'submitted', 'review', 61, null, null],
    ])
  })

  it.skipIf(skip)('records invalid fields, a back and one resume when another device carries on', async () => {
    const { store, events } = open[name]()
    await driveJourneys(store, [KNOWN[1] as (typeof KNOWN)[number]])
    const recorded = strip(await events())
    expect(recorded.slice(0, 4)).toEqual([
      [1, 'entered', 'contact', 100, null, null],
      [2, 'invalid', 'contact', 105, null, ['email']],
      [3, 'completed', 'contact', 120, null, null],
      [4, 'entered', 'plan', 120, null, null],
    ])
    expect(recorded.filter((e) => e[1] === 'resumed')).toEqual([[7, 'resumed', 'plan', 150, null, null]])
    expect(recorded.filter((e) => e[1] === 'back')).toEqual([[8, 'back', 'plan', 150, null, null]])
    expect(recorded.at(-1)).toEqual([recorded.length, 'done', 'review', 210, null, null])
  })

  it.skipIf(skip)('never stores a value the user typed: only steps, times and field paths', async () => {
    const { store, events, instances } = open[name]()
    await driveJourneys(store)
    const journey = JSON.stringify(await events())
    expect(await instances()).toContain(SECRET.email) // the snapshot itself does keep the input
    for (const value of [SECRET.email, SECRET.name, 'zebulon', 'Zebulon', 'tok_1', 'premium']) expect(journey).not.toContain(value)
  })

  it.skipIf(skip)('records nothing for a refused save, and nothing twice when the same snapshot is saved again', async () => {
    const { store, events } = open[name]()
    const client = api(createFlowkitHandler({ definitions: [enrollment], store, now: () => T0 }), 'http://x')
    const flow = createWorkflow(enrollment, { now: () => T0, log: journeyLog() })
    const { token } = (await client.start('enrollment', getPersistedSnapshot(flow))).body
    await flow.next({ email: 'a@b.co', name: 'A' })
    expect((await client.save(token, 1, getPersistedSnapshot(flow))).status).toBe(200)
    expect((await client.save(token, 2, getPersistedSnapshot(flow))).status).toBe(200)
    expect((await client.save(token, 1, getPersistedSnapshot(flow))).status).toBe(409)
    expect((await events()).map((e) => e.type)).toEqual(['entered', 'completed', 'entered'])
  })

  it.skipIf(skip)('keeps field paths without control characters, whatever a client sends', async () => {
    const { store, events } = open[name]()
    const client = api(createFlowkitHandler({ definitions: [enrollment], store, now: () => T0 }), 'http://x')
    const flow = createWorkflow(enrollment, { now: () => T0, log: journeyLog() })
    const { token } = (await client.start('enrollment', getPersistedSnapshot(flow))).body
    const snapshot = getPersistedSnapshot(flow)
    const log = [...snapshot.log, { type: 'invalid', step: 'contact', at: T0 + 1000, fields: ['em\u001eail', 'name\u001f'] }]
    expect((await client.save(token, 1, { ...snapshot, log })).status).toBe(200)
    expect((await events()).filter((e) => e.type === 'invalid').map((e) => e.fields)).toEqual([['email', 'name']])
    // A NUL anywhere in a body is refused as bad input on both databases (PostgreSQL cannot keep it), never a 5xx.
    const nul = [...log, { type: 'invalid', step: 'contact', at: T0 + 2000, fields: ['x\u0000'] }]
    expect(await client.save(token, 2, { ...snapshot, log: nul })).toMatchObject({ status: 400, body: { error: { code: 'INVALID_JSON' } } })
  })

  it.skipIf(skip)('prunes events older than the retention, from removeExpired or pruneInsights', async () => {
    const { store, events } = open[name]({ retain: 50_000 })
    await driveJourneys(store, KNOWN.slice(0, 1))
    await store.removeExpired(T0 + 80_000) // keeps events at or after T0 + 30 s
    expect((await events()).map((e) => (e.at - T0) / 1000)).toEqual([30, 30, 50, 50, 60, 60, 61])
    expect(await pruneInsights(store, T0 + 60_000)).toBe(4)
    expect((await events()).map((e) => e.type)).toEqual(['completed', 'done', 'submitted'])
    const kept = open[name]({ retain: false })
    await driveJourneys(kept.store, KNOWN.slice(0, 1))
    await kept.store.removeExpired(T0 + 10 ** 12)
    expect(await kept.events()).toHaveLength(10)
  })

  it.skipIf(skip)('records nothing with insights: false', async () => {
    const { store, events } = open[name](false)
    await driveJourneys(store, KNOWN.slice(0, 2))
    expect(await events()).toEqual([])
  })
})
