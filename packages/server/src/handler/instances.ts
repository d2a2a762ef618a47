import type { PersistedSnapshot } from '@flowkit/core'
import { checkSnapshot } from '../checkSnapshot'
import { refusal } from '../http/errors'
import { keepMemberText } from '../http/jsonText'
import { json } from '../http/respond'
import { deviceOf, recordedJourney } from '../insights/recordedJourney'
import { openInstance } from '../openInstance'
import { createToken, hashToken, isTokenShaped } from '../tokens'
import { allowed, baseVersionOf, bodyOf, type Context, conflict, definitionOf, explain, find, notFound, view } from './context'

/** A definition's first snapshot, dated `at`. */
const fresh = (initial: PersistedSnapshot, at: number): PersistedSnapshot => ({
  ...initial,
  savedAt: at,
  log: initial.log.map((entry) => ({ ...entry, at })),
})

/** `POST /instances` `{ workflow, snapshot? }` → 201 with the resume token. */
export const start = async (context: Context, request: Request, countStart: () => Promise<void>) => {
  const body = await bodyOf(context, request, ['workflow'], ['snapshot'])
  const definition = definitionOf(context, body.workflow)
  const verdict = await allowed(context, request, 'start', null, definition.id)
  if (verdict === false) throw refusal('FORBIDDEN', `you may not start workflow '${definition.id}'.`)
  await countStart()
  const at = context.now()
  const snapshot =
    body.snapshot === undefined
      ? fresh(context.initial.get(definition.id) as PersistedSnapshot, at)
      : checkSnapshot(definition, body.snapshot, context.now, context.migrations)
  const token = createToken()
  const owner = typeof verdict === 'object' ? verdict.owner : null
  const record = openInstance(hashToken(token), definition.id, owner, snapshot, at, at + context.ttl)
  await context.store.insert(record, recordedJourney(definition, snapshot, deviceOf(request)))
  return json({ token, ...view(context, record) }, 201)
}

/** `GET /instances/:token` → 200 with the instance. */
export const load = async (context: Context, request: Request, token: string) =>
  json(view(context, (await find(context, request, token, 'load')).record))

/**
 * `PUT /instances/:token` `{ baseVersion, snapshot }` → 200 `{ version, status, expiresAt }`. Without `authorize`
 * it is one compare-and-set on the store (the token's instance is read only to explain a refusal).
 */
export const save = async (context: Context, request: Request, token: string) => {
  const body = await bodyOf(context, request, ['baseVersion', 'snapshot'])
  if (!isTokenShaped(token)) throw notFound()
  const baseVersion = baseVersionOf(body)
  const claimed = (body.snapshot as { workflow?: unknown } | null)?.workflow
  let definition = typeof claimed === 'string' && !context.authorize ? context.definitions.get(claimed) : undefined
  let hash: string
  if (definition) hash = hashToken(token)
  else {
    const found = await find(context, request, token, 'save')
    if (found.record.status !== 'open' || found.record.version !== baseVersion) throw conflict(context, found.record)
    hash = found.hash
    definition = definitionOf(context, found.record.workflow)
  }
  const snapshot = checkSnapshot(definition, body.snapshot, context.now, context.migrations)
  keepMemberText(body, 'snapshot') // the store writes the snapshot's text as it came, not JSON.stringify of it
  const at = context.now()
  const journey = recordedJourney(definition, snapshot, deviceOf(request))
  const update = { workflow: definition.id, baseVersion, snapshot, updatedAt: at, expiresAt: at + context.ttl, journey }
  const updated = await context.store.update(hash, update)
  if (!updated) {
    const current = await context.store.get(hash)
    if (current && current.workflow !== definition.id)
      checkSnapshot(definitionOf(context, current.workflow), body.snapshot, context.now, context.migrations)
    throw explain(context, current)
  }
  return json({ version: updated.version, status: updated.status, expiresAt: updated.expiresAt })
}

/**
 * `DELETE /instances/:token` → 204. A submission is kept: a submitting instance cannot be deleted, a submitted one
 * only when `authorize` allows `{ operation: 'delete', status: 'submitted' }`.
 */
export const remove = async (context: Context, request: Request, token: string) => {
  const { hash, record } = await find(context, request, token, 'delete')
  if (record.status === 'submitting') throw conflict(context, record)
  if (record.status === 'submitted' && !context.authorize) {
    throw refusal(
      'ALREADY_SUBMITTED',
      'this flow was submitted; it is kept with its result and cannot be deleted (an `authorize` hook can allow it).',
      { details: { current: view(context, record) } },
    )
  }
  if (!(await context.store.remove(hash, [record.status]))) throw explain(context, await context.store.get(hash))
  return json(null, 204)
}
