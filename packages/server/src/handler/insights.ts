import { refusal } from '../http/errors'
import { json } from '../http/respond'
import { queryInsights } from '../insights/queryInsights'
import type { InsightsQuery } from '../insights/types'
import { type Context, definitionOf } from './context'

const PARAMS = ['version', 'from', 'to', 'abandonAfter', 'topFields', 'topPaths'] as const

/** A time parameter: ms since the epoch, or an ISO date (`2026-12-01`, `2026-12-01T12:00:00Z`). */
const timeOf = (name: string, text: string): number => {
  const value = /^-?\d+$/.test(text) ? Number(text) : Date.parse(text)
  if (!Number.isSafeInteger(value)) {
    throw refusal(
      'INVALID_REQUEST',
      `\`${name}\` must be ms since the epoch or an ISO date like 2026-12-01; got ${JSON.stringify(text.slice(0, 40))}.`,
    )
  }
  return value
}

const numberOf = (name: string, text: string): number => {
  if (!/^\d+$/.test(text)) throw refusal('INVALID_REQUEST', `\`${name}\` must be a whole number; got ${JSON.stringify(text.slice(0, 40))}.`)
  return Number(text)
}

/** The query of `GET /insights/:workflow?…`, every parameter checked. */
const queryOf = (workflow: string, url: URL): InsightsQuery => {
  const unknown = [...url.searchParams.keys()].find((k) => !(PARAMS as readonly string[]).includes(k))
  if (unknown !== undefined) {
    throw refusal('INVALID_REQUEST', `unknown parameter ${JSON.stringify(unknown.slice(0, 40))}; use ${PARAMS.join(', ')}.`)
  }
  const get = (name: string) => url.searchParams.get(name) ?? undefined
  const version = get('version')
  if (version !== undefined && (version === '' || version.length > 100)) {
    throw refusal(
      'INVALID_REQUEST',
      '`version` must be the definition version (1 to 100 characters), e.g. version=2; leave it out for all versions.',
    )
  }
  const [from, to, abandonAfter, topFields, topPaths] = [get('from'), get('to'), get('abandonAfter'), get('topFields'), get('topPaths')]
  return {
    workflow,
    ...(version !== undefined && { version: /^\d{1,15}$/.test(version) ? Number(version) : version }),
    ...(from !== undefined && { from: timeOf('from', from) }),
    ...(to !== undefined && { to: timeOf('to', to) }),
    ...(abandonAfter !== undefined && { abandonAfter: numberOf('abandonAfter', abandonAfter) }),
    ...(topFields !== undefined && { topFields: numberOf('topFields', topFields) }),
    ...(topPaths !== undefined && { topPaths: numberOf('topPaths', topPaths) }),
  }
}

/**
 * `GET /insights/:workflow?version=&from=&to=&abandonAfter=&topFields=&topPaths=` → 200 `FlowInsights`. It shows
 * every user's journeys in aggregate, so it is answered only when `authorize` returns `true` for
 * `{ operation: 'insights' }`: without an `authorize` hook it is refused (403).
 */
export const insights = async (context: Context, request: Request, workflow: string) => {
  const definition = definitionOf(context, workflow)
  const verdict = context.authorize
    ? await context.authorize({ request, operation: 'insights', workflow: definition.id, owner: null, status: null })
    : false
  if (verdict !== true) {
    throw refusal(
      'FORBIDDEN',
      context.authorize
        ? `you may not see the insights of workflow '${definition.id}'.`
        : "insights show every user's journeys, so they are served only when an `authorize` hook returns true for { operation: 'insights' }.",
    )
  }
  if (!context.store.insights) throw refusal('NOT_FOUND', "this server's store keeps no journeys; use sqliteStore() or postgresStore().")
  return json(await queryInsights(context.store, { ...queryOf(definition.id, new URL(request.url)), now: context.now() }))
}
