import { expect } from 'vitest'
import { type Answer, definite, journey, same, saveUntilAcknowledged } from './client'

/** What a client was told was stored, per instance. */
export interface Acknowledged {
  token: string
  version: number
  snapshot: unknown
  submitted: boolean
}

/** One user's enrollment through the server: start, four saves, submit; each write retried until acknowledged. */
export const enroll = async (url: () => string, i: number, acknowledged: Acknowledged[]) => {
  const snapshots = await journey(i)
  const started = (await definite(url, '/instances', 'POST', { workflow: 'enrollment' })) as Answer
  expect(started.status).toBe(201)
  const record: Acknowledged = { token: started.body.token, version: 1, snapshot: started.body.snapshot, submitted: false }
  acknowledged[i] = record
  for (const snapshot of snapshots.slice(0, -1)) {
    record.version = await saveUntilAcknowledged(url, record.token, record.version, snapshot)
    record.snapshot = snapshot
  }
  const finished = snapshots.at(-1)
  const submitted = (await definite(url, `/instances/${record.token}/submit`, 'POST', {
    baseVersion: record.version,
    snapshot: finished,
  })) as Answer
  expect(submitted.status, JSON.stringify(submitted.body)).toBe(200)
  Object.assign(record, { version: submitted.body.version, snapshot: finished, submitted: true })
}

/** Every acknowledged write is in the store: each instance is at its acknowledged version with its last snapshot. */
export const expectNothingLost = async (url: string, acknowledged: readonly Acknowledged[]) => {
  let lost = 0
  for (const record of acknowledged) {
    const loaded = (await definite(() => url, `/instances/${record.token}`, 'GET')) as Answer
    const path = (s: unknown) => (s as { path: unknown }).path
    const kept =
      loaded.status === 200 &&
      loaded.body.version === record.version &&
      loaded.body.status === (record.submitted ? 'submitted' : 'open') &&
      same(path(loaded.body.snapshot), path(record.snapshot))
    if (!kept) lost++
  }
  expect(lost, `${lost} of ${acknowledged.length} instances lost an acknowledged write`).toBe(0)
}
