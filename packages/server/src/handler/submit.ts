import { canonicalJson, isWorkflowError } from '@flowkit/core'
import { json } from '../http/respond'
import { recordedJourney } from '../insights/recordedJourney'
import { runServerActions } from '../runServerActions'
import { createToken, sha256 } from '../tokens'
import type { InstanceRecord, Submission } from '../types'
import { verify } from '../verify'
import { baseVersionOf, bodyOf, type Context, conflict, definitionOf, explain, find, view } from './context'

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/**
 * What identifies one submission: the version it was based on and the steps with their inputs (the rest of a
 * snapshot, its patches, drafts, log and `savedAt`, follows from them or does not matter), so a client that
 * serializes its retry anew still sends the same submission.
 */
const fingerprintOf = (baseVersion: number, snapshot: unknown): string => {
  const path = (snapshot as { path?: unknown } | null)?.path
  const steps = Array.isArray(path)
    ? path.map((frame: { step?: unknown; input?: unknown } | null) => [frame?.step ?? null, frame?.input ?? null])
    : snapshot
  return sha256(canonicalJson({ baseVersion, steps }))
}
const isStorageFailure = (error: unknown) => isWorkflowError(error) && error.code === 'STORAGE_UNAVAILABLE'

/** The answer for a submission once the instance is submitted: the recorded result for a retry of the same one. */
const answer = (context: Context, record: InstanceRecord, fingerprint: string) => {
  if (record.status === 'submitted' && record.submission?.fingerprint === fingerprint) return json(view(context, record))
  throw conflict(context, record)
}

/**
 * Records the result under the claim. A storage failure here comes after the server actions ran, so it is retried
 * (backing off) while the lease lasts rather than answered at once; only then 503, and the lease runs out.
 */
const record = async (context: Context, hash: string, held: InstanceRecord, result: Record<string, unknown>) => {
  const { fingerprint, key, snapshot } = held.submission as Submission
  const until = Date.now() + Math.max(0, (held.leaseUntil ?? 0) - context.now())
  for (let attempt = 0; ; attempt++) {
    try {
      const at = context.now()
      const definition = context.definitions.get(held.workflow)
      const submitted = snapshot as NonNullable<Submission['snapshot']>
      const finished = await context.store.finish(hash, {
        ...(definition && { journey: recordedJourney(definition, submitted, null, { type: 'submitted', at }) }),
        claim: held.claim as string,
        snapshot: snapshot as NonNullable<Submission['snapshot']>,
        result,
        submission: { fingerprint, key },
        updatedAt: at,
        expiresAt: at + context.ttl,
      })
      return finished ?? (await context.store.get(hash)) // null: the lease ran out and another attempt took over
    } catch (error) {
      if (!isStorageFailure(error) || Date.now() + 100 * 2 ** attempt > until) throw error
      await sleep(Math.min(100 * 2 ** attempt, 2000))
    }
  }
}

/** Runs the server actions of the submission `held` claims (with its lease as their deadline), then records the result. */
const complete = async (context: Context, hash: string, held: InstanceRecord): Promise<InstanceRecord | null> => {
  const submission = held.submission as Submission
  let result: Record<string, unknown>
  try {
    result = await runServerActions({
      actions: context.serverActions[held.workflow] ?? {},
      snapshot: submission.snapshot as NonNullable<Submission['snapshot']>,
      state: submission.state ?? {},
      key: submission.key,
      signal: AbortSignal.timeout(Math.max(1, (held.leaseUntil ?? 0) - context.now())),
    })
  } catch (error) {
    // The instance opens again so the user can fix and retry; if this write fails, the lease runs out instead.
    await context.store.release(hash, held.claim as string).catch((cause) => context.onError?.(cause))
    throw error
  }
  return record(context, hash, held, result)
}

/** A `submitting` instance: in progress while its lease lasts; after that, this request takes over and finishes it. */
const takeOver = async (context: Context, hash: string, current: InstanceRecord, fingerprint: string) => {
  const now = context.now()
  if ((current.leaseUntil ?? 0) > now) throw conflict(context, current)
  const held = await context.store.reclaim(hash, {
    previous: current.claim as string,
    claim: createToken(),
    leaseUntil: now + context.lease,
    now,
  })
  const after = held ? await complete(context, hash, held) : await context.store.get(hash)
  if (!after) throw explain(context, after)
  return answer(context, after, fingerprint)
}

/**
 * `POST /instances/:token/submit` `{ baseVersion, snapshot }`: verify by replay, claim (compare-and-set into
 * `submitting` with a lease), run the server actions, record. A retry of the same submission gets the recorded result.
 */
export const submit = async (context: Context, request: Request, token: string) => {
  const body = await bodyOf(context, request, ['baseVersion', 'snapshot'])
  const { hash, record: found } = await find(context, request, token, 'submit')
  const baseVersion = baseVersionOf(body)
  const fingerprint = fingerprintOf(baseVersion, body.snapshot)
  if (found.status === 'submitted') return answer(context, found, fingerprint)
  if (found.status === 'submitting') return takeOver(context, hash, found, fingerprint)
  if (found.version !== baseVersion) throw conflict(context, found)
  const definition = definitionOf(context, found.workflow)
  const verified = await verify(definition, body.snapshot, context.serverComputed[definition.id] ?? [], context.now, context.migrations)
  const now = context.now()
  // One key per attempt: a retry of this attempt (after a crash) reuses it; a new attempt after a refusal does not.
  const submission: Submission = { fingerprint, key: `${hash.slice(0, 24)}.${found.attempts + 1}`, ...verified }
  const attempts = found.attempts
  const held = await context.store.claim(hash, {
    baseVersion,
    attempts,
    claim: createToken(),
    leaseUntil: now + context.lease,
    submission,
    now,
  })
  if (!held) {
    const current = await context.store.get(hash)
    if (current?.status === 'submitted') return answer(context, current, fingerprint)
    throw explain(context, current)
  }
  const after = await complete(context, hash, held)
  if (!after) throw explain(context, after)
  return answer(context, after, fingerprint)
}
