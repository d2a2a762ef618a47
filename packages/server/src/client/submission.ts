import type { PersistedSnapshot } from '@flowkit/core'
import { clientError } from './clientError'
import { envelopeOf, type LocalRecord, snapshotOf } from './localRecord'
import { copyOf, type ServerApi, type ServerCopy } from './serverApi'
import type { SubmitResult } from './types'

/** What submitting needs from the storage. */
export interface SubmissionHost {
  readonly server: ServerApi | null
  read(): LocalRecord
  write(change: Partial<LocalRecord>): void
  /** Sends the unsaved change; resolves once the server has it. */
  flush(): Promise<void>
  /** Takes in the server's copy after a 409 (another device saved or submitted first). */
  reconcile(copy: ServerCopy): void
  /** The last error seen, for a `NOT_SAVED` answer that says why. */
  lastError(): { readonly message: string } | null
}

/** How long a submit waits, in all, for another submission of the same flow to finish (the server's default lease is 30 s). */
const SUBMIT_WAIT = 35_000

const recorded = (host: SubmissionHost, copy: ServerCopy): SubmitResult => {
  host.write({ version: copy.version, base: copy.snapshot, submitted: true, result: copy.result, dirty: false })
  return { ok: true, result: copy.result ?? {}, version: copy.version }
}

/** The result the server recorded for the flow's submission (kept in the record once known). */
export async function recordedResult(host: SubmissionHost): Promise<SubmitResult> {
  const record = host.read()
  if (record.submitted && record.result && record.version !== null) return { ok: true, result: record.result, version: record.version }
  if (!host.server || record.token === null) {
    return { ok: false, error: clientError('NOT_SAVED', 'this flow was never saved to the server.') }
  }
  const reply = await host.server.load(record.token)
  if (reply.kind !== 'ok') return { ok: false, error: reply.error }
  const copy = copyOf(reply.body)
  if (copy.status !== 'submitted' || !copy.result) {
    return { ok: false, error: clientError('NOT_SUBMITTED', 'the server has no result for this flow: it was not submitted.') }
  }
  return recorded(host, copy)
}

/** Saves `snapshot` (or the last change), then asks the server to verify and accept the flow, on the version saved. */
export async function submitFlow(host: SubmissionHost, snapshot: PersistedSnapshot | undefined): Promise<SubmitResult> {
  if (snapshot && !host.read().submitted) host.write({ value: envelopeOf(snapshot), dirty: true })
  await host.flush()
  const record = host.read()
  if (record.submitted) return recordedResult(host)
  const last = snapshotOf(record.value)
  if (!host.server || record.token === null || record.version === null || !last || record.dirty) {
    // Why it is not saved (offline: NETWORK, the server down) stays the cause.
    const why = host.lastError()
    return {
      ok: false,
      error: clientError('NOT_SAVED', why?.message ?? 'the flow is not saved to the server yet; try again in a moment.', why ?? undefined),
    }
  }
  let reply = await host.server.submit(record.token, record.version, last)
  // Another tab or device (or a double click) is submitting this very flow: wait as the server asks,
  // then ask again; the server then answers with the one result (ALREADY_SUBMITTED and its copy).
  for (let waited = 0; reply.kind === 'refused' && reply.error.code === 'SUBMISSION_IN_PROGRESS' && waited < SUBMIT_WAIT; ) {
    const seconds = Math.min(Math.max(reply.retryAfter ?? 1, 0.25), 5)
    await new Promise((resolve) => setTimeout(resolve, seconds * 1000))
    waited += seconds * 1000
    reply = await host.server.submit(record.token, record.version, last)
  }
  if (reply.kind === 'ok') return recorded(host, copyOf(reply.body))
  if (reply.kind === 'refused' && reply.status === 409 && reply.body.current) {
    // Saved or submitted elsewhere first: the flow takes in that copy by the usual rule, and says so.
    host.reconcile(copyOf(reply.body.current as Record<string, unknown>))
    if (host.read().submitted) return recordedResult(host)
    void host.flush()
  }
  return { ok: false, error: reply.error }
}
