import { Worker } from 'node:worker_threads'

/** The worker's script (CommonJS, run with `eval`): a PASSIVE checkpoint every 10 ms while the WAL grows, else every 250 ms. */
const SCRIPT = `
const { parentPort, workerData } = require('node:worker_threads')
const Database = require(workerData.driver)
const db = new Database(workerData.filename, { fileMustExist: true })
db.pragma('busy_timeout = ' + workerData.busyTimeout)
db.pragma('synchronous = NORMAL')
let last = -1
let timer
const tick = () => {
  const [result] = db.pragma('wal_checkpoint(PASSIVE)')
  const growing = result.log !== last
  last = result.log
  timer = setTimeout(tick, growing ? 10 : 250)
}
parentPort.on('message', () => {
  clearTimeout(timer)
  db.close()
  parentPort.close()
})
tick()
`

export interface BackgroundCheckpoints {
  /** Stops the worker (after the checkpoint it may be running) and closes its connection. */
  stop(): Promise<void>
}

/**
 * Checkpoints a WAL database from a worker thread with its own connection: the copy into the database file and its
 * fsync happen there, not on the event loop, where SQLite's own checkpoint (every 1,000 pages, inline in a commit)
 * held every request in flight for milliseconds. `fallback` runs if the worker fails or exits on its own (the caller
 * then turns SQLite's inline checkpoints back on).
 */
export const backgroundCheckpoints = (
  driver: string,
  filename: string,
  busyTimeout: number,
  fallback: (error?: unknown) => void,
): BackgroundCheckpoints => {
  const worker = new Worker(SCRIPT, { eval: true, workerData: { driver, filename, busyTimeout } })
  worker.unref()
  let stopping = false
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()))
  worker.on('error', (error) => {
    if (!stopping) fallback(error)
  })
  worker.once('exit', () => {
    if (!stopping) fallback()
  })
  return {
    stop: async () => {
      stopping = true
      worker.ref() // so the process waits for the worker's exit instead of leaving `close()` pending
      worker.postMessage('stop')
      await exited
    },
  }
}
