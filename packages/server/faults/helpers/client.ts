import { readFileSync } from 'node:fs'
import { canonicalJson, createWorkflow, getPersistedSnapshot, type PersistedSnapshot } from '@flowkit/core'
import { enrollment } from '../../src/examples/enrollment'

export interface Answer {
  readonly status: number
  readonly body: any
  readonly retryAfter: string | null
}

/** What the clients saw: every 503 (with its Retry-After) and every connection that failed. */
export const seen = { unavailable: 0, retryAfter: new Set<string | null>(), refused: 0 }

/** One request; a connection refused or reset (the server is down) counts and answers `null`. */
export const send = async (url: string, method: string, body?: unknown): Promise<Answer | null> => {
  try {
    const response = await fetch(url, {
      method,
      signal: AbortSignal.timeout(20_000),
      ...(body === undefined ? {} : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
    })
    const text = await response.text()
    const answer = { status: response.status, body: text ? JSON.parse(text) : null, retryAfter: response.headers.get('retry-after') }
    if (answer.status === 503) {
      seen.unavailable++
      seen.retryAfter.add(answer.retryAfter)
    }
    if (answer.status >= 500 && answer.status !== 503) throw new Error(`${method} ${url} answered ${answer.status}: ${text}`)
    return answer
  } catch (error) {
    if (error instanceof Error && /answered/.test(error.message)) throw error
    seen.refused++
    return null
  }
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/**
 * Sends until the server gives a definite answer (not 503, not a dropped connection, not a submission in
 * progress), waiting briefly between tries; `url()` is asked each time, so a restarted server is found.
 */
export const definite = async (url: () => string, path: string, method: string, body?: unknown, deadline = Date.now() + 30_000) => {
  for (;;) {
    const answer = await send(`${url()}${path}`, method, body)
    const transient = !answer || answer.status === 503 || answer.body?.error?.code === 'SUBMISSION_IN_PROGRESS'
    if (!transient) return answer
    if (Date.now() > deadline) throw new Error(`${method} ${path} found no definite answer in time (last: ${answer?.status})`)
    await pause(answer ? 150 : 100)
  }
}

/** The persisted snapshots of one user's enrollment, step by step (the last one finished). */
export const journey = async (i: number): Promise<PersistedSnapshot[]> => {
  const flow = createWorkflow(enrollment)
  const out: PersistedSnapshot[] = []
  for (const input of [
    { email: `user${i}@example.com`, name: `User ${i}` },
    { plan: 'family' },
    { dependents: 1 + (i % 3) },
    { cardToken: `tok_${i}` },
    undefined,
  ]) {
    await flow.next(input)
    out.push(JSON.parse(JSON.stringify(getPersistedSnapshot(flow))))
  }
  return out
}

export const same = (a: unknown, b: unknown) => canonicalJson(a) === canonicalJson(b)

/**
 * Saves `snapshot` as the next version until acknowledged. A 409 whose `current` is this very snapshot means an
 * earlier try was written but its answer was lost (a restart cut it): that is an acknowledgement too.
 */
export const saveUntilAcknowledged = async (url: () => string, token: string, version: number, snapshot: PersistedSnapshot) => {
  const answer = (await definite(url, `/instances/${token}`, 'PUT', { baseVersion: version, snapshot })) as Answer
  if (answer.status === 200) return answer.body.version as number
  if (answer.status === 409 && same(answer.body.current?.snapshot, snapshot)) return answer.body.current.version as number
  throw new Error(`save of ${token} at version ${version} answered ${answer.status}: ${JSON.stringify(answer.body)}`)
}

/** The payments the fixture's server action recorded, by user email. */
export const payments = (ledger: string): Map<string, { key: string; pid: number }[]> => {
  const runs = new Map<string, { key: string; pid: number }[]>()
  let text = ''
  try {
    text = readFileSync(ledger, 'utf8')
  } catch {}
  for (const line of text.split('\n').filter(Boolean)) {
    const { email, key, pid } = JSON.parse(line)
    runs.set(email, [...(runs.get(email) ?? []), { key, pid }])
  }
  return runs
}
