import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { sqliteStore } from '@flowkit/server/sqlite'
import Database from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import { driveJourneys, KNOWN } from './helpers/journeys'

/** A SQLite store on a database that counts the writes of instance rows (a trigger per statement kind). */
const counted = () => {
  const db = new Database(join(mkdtempSync(join(tmpdir(), 'flowkit-rows-')), 'r.db'))
  const store = sqliteStore({ database: db })
  db.exec(`CREATE TABLE row_writes (kind TEXT PRIMARY KEY, n INTEGER NOT NULL);
    INSERT INTO row_writes VALUES ('insert', 0), ('update', 0);
    CREATE TRIGGER count_inserts AFTER INSERT ON flowkit_instances BEGIN UPDATE row_writes SET n = n + 1 WHERE kind = 'insert'; END;
    CREATE TRIGGER count_updates AFTER UPDATE ON flowkit_instances BEGIN UPDATE row_writes SET n = n + 1 WHERE kind = 'update'; END;`)
  const writes = () =>
    Object.fromEntries(
      db
        .prepare<[], { kind: string; n: number }>('SELECT kind, n FROM row_writes')
        .all()
        .map((r) => [r.kind, r.n]),
    )
  return { db, store, writes }
}

const opened: Database.Database[] = []
afterEach(() => {
  for (const db of opened.splice(0)) db.close()
})

describe('sqliteStore row writes', () => {
  it('writes an instance row once per start, save, claim and finish, the journey position with it', async () => {
    const { db, store, writes } = counted()
    opened.push(db)
    const [journey] = KNOWN
    await driveJourneys(store, [journey as (typeof KNOWN)[number]])
    // start (1 insert) → 5 moves: 4 saves, then submit = claim + finish (2 updates).
    expect(writes()).toEqual({ insert: 1, update: 4 + 2 })
    const row = db
      .prepare<[], { journey_seq: number; n: number }>(
        'SELECT journey_seq, (SELECT count(*) FROM flowkit_instances_journey) AS n FROM flowkit_instances',
      )
      .get()
    expect(row).toEqual({ journey_seq: 10, n: 10 })
  })
})
