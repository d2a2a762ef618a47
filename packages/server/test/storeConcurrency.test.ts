import { postgresStore } from '@flowkit/server/postgres'
import { sqliteStore } from '@flowkit/server/sqlite'
import Database from 'better-sqlite3'
import pg from 'pg'
import { describe, expect, inject, it } from 'vitest'
import { backends } from './helpers/backends'
import { instanceRecord, snapshot } from './helpers/instanceRecord'

const change = (baseVersion: number, updatedAt: number) => ({ workflow: 'enrollment', baseVersion, snapshot, updatedAt, expiresAt: 20_000 })

describe.each(backends)('writes in flight together on the $name store', (backend) => {
  it.skipIf(backend.skip)('one of two saves from the same version wins; a failed write is refused alone', async () => {
    const store = backend.create()
    await store.init()
    try {
      await store.insert(instanceRecord('a'))
      // Queued in the same turn of the event loop: on SQLite, one transaction (group commit).
      const [first, second, duplicate, other] = await Promise.allSettled([
        store.update('a', change(1, 2000)),
        store.update('a', change(1, 2001)),
        store.insert(instanceRecord('a')),
        store.insert(instanceRecord('b')),
      ])
      // Exactly one of them (on SQLite the first queued; on PostgreSQL either, on two connections).
      const won = [first, second].filter((s) => s.status === 'fulfilled' && s.value !== null)
      expect(won).toHaveLength(1)
      expect([first, second].filter((s) => s.status === 'fulfilled' && s.value === null)).toHaveLength(1)
      expect(duplicate.status).toBe('rejected')
      expect(other.status).toBe('fulfilled')
      expect((await store.get('a'))?.version).toBe(2)
      expect((await store.get('b'))?.version).toBe(1)
      const saves = await Promise.all(Array.from({ length: 50 }, (_, i) => store.update('b', change(1, 3000 + i))))
      expect(saves.filter(Boolean)).toHaveLength(1)
    } finally {
      await store.close()
    }
  })
})

const pgUrl = inject('pgUrl')

describe.skipIf(pgUrl === null)('a second PostgreSQL process starting beside one serving', () => {
  it('runs no DDL on a table already migrated: its init does not wait for a save in flight', async () => {
    const table = `t_${process.pid}_${Date.now().toString(36)}_lock`
    const first = postgresStore({ connectionString: pgUrl ?? '', table })
    await first.init()
    const client = new pg.Client({ connectionString: pgUrl ?? '' })
    await client.connect()
    const second = postgresStore({ connectionString: pgUrl ?? '', table })
    try {
      // A save in flight holds the table in ROW EXCLUSIVE mode: ALTER TABLE would wait for it (or deadlock).
      await client.query(`BEGIN; LOCK TABLE ${table} IN ROW EXCLUSIVE MODE`)
      const waited = await Promise.race([second.init().then(() => 'ready'), new Promise((r) => setTimeout(() => r('blocked'), 2000))])
      expect(waited).toBe('ready')
    } finally {
      await client.query('ROLLBACK')
      await client.end()
      await Promise.all([first.close(), second.close()])
    }
  })
})

describe('a SQLite database given with a transaction of its own open', () => {
  it('writes into it, as without group commit', async () => {
    const db = new Database(':memory:')
    const store = sqliteStore({ database: db })
    await store.init()
    db.exec('BEGIN')
    await store.insert(instanceRecord('t'))
    expect(await store.update('t', change(1, 2000))).toMatchObject({ version: 2 })
    db.exec('ROLLBACK')
    expect(await store.get('t')).toBeNull()
    await store.close()
    db.close()
  })
})
