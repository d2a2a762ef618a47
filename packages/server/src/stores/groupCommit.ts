import type Database from 'better-sqlite3'

interface Pending {
  readonly work: () => unknown
  readonly resolve: (value: unknown) => void
  readonly reject: (error: unknown) => void
}

/** Said to the writes of a batch whose transaction did not commit: none of them was made. */
const notCommitted = (cause: unknown) => new Error('the batch of writes was rolled back; none of them was made', { cause })

/** A database given to the store with a transaction of its own open: each write runs in it, as without a batch. */
const runInOpenTransaction = (batch: readonly Pending[]) => {
  for (const item of batch) {
    try {
      item.resolve(item.work())
    } catch (error) {
      item.reject(error)
    }
  }
}

/**
 * Runs `batch` in one `BEGIN IMMEDIATE … COMMIT`; each write's outcome is settled only after the commit, so a write
 * is answered once it is in the WAL (as with a transaction of its own). A write that throws is refused alone (a
 * failed statement rolls back only itself, a failed journaled write its own savepoint), unless SQLite rolled the
 * whole transaction back: then every write of the batch is refused, and none after it runs.
 */
const commitBatch = (db: Database.Database, batch: readonly Pending[], sql: ReturnType<typeof statementsOf>) => {
  if (db.inTransaction) return runInOpenTransaction(batch)
  try {
    sql.begin.run()
  } catch (error) {
    for (const item of batch) item.reject(error)
    return
  }
  const outcomes: { ok: boolean; value: unknown }[] = []
  for (const item of batch) {
    if (!db.inTransaction) break
    try {
      outcomes.push({ ok: true, value: item.work() })
    } catch (error) {
      outcomes.push({ ok: false, value: error })
    }
  }
  let failure: unknown
  if (db.inTransaction) {
    try {
      sql.commit.run()
    } catch (error) {
      failure = error
      if (db.inTransaction) sql.rollback.run()
    }
  } else failure = (outcomes.at(-1)?.value as unknown) ?? new Error('the transaction ended early')
  batch.forEach((item, i) => {
    const outcome = outcomes[i]
    if (outcome && !outcome.ok) item.reject(outcome.value)
    else if (failure !== undefined || !outcome) item.reject(notCommitted(failure))
    else item.resolve(outcome.value)
  })
}

const statementsOf = (db: Database.Database) => ({
  begin: db.prepare('BEGIN IMMEDIATE'),
  commit: db.prepare('COMMIT'),
  rollback: db.prepare('ROLLBACK'),
})

export interface GroupCommit {
  /** Runs `work` (synchronous SQLite writes) in the next batch; settles after that batch's commit. */
  <R>(work: () => R): Promise<R>
  /** Commits what is queued now (before the store closes). */
  flush(): void
}

/**
 * Group commit for one SQLite connection: the writes queued while the event loop handles one round of I/O share
 * one transaction, committed in the next `setImmediate`. Many saves in flight then cost one commit (one WAL append
 * of the pages they share, one lock) instead of one each; the order of the writes is the order they were queued.
 */
export const groupCommit = (db: Database.Database): GroupCommit => {
  const sql = statementsOf(db)
  let queue: Pending[] = []
  let scheduled: NodeJS.Immediate | undefined
  const flush = () => {
    if (scheduled) clearImmediate(scheduled)
    scheduled = undefined
    const batch = queue
    queue = []
    if (batch.length > 0) commitBatch(db, batch, sql)
  }
  const run = <R>(work: () => R) =>
    new Promise<R>((resolve, reject) => {
      queue.push({ work, resolve: resolve as (value: unknown) => void, reject })
      scheduled ??= setImmediate(flush)
    })
  return Object.assign(run, { flush })
}
