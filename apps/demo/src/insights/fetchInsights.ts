import type { FlowInsights } from './types'

/** Where the page asks: the Flowkit server behind the demo's `/api/flowkit` proxy. */
export const INSIGHTS_API = '/api/flowkit/insights'

/** Why there are no insights to show, in words for the person looking at the page. */
export interface InsightsProblem {
  /** `server-down`: nothing answers behind the proxy; `refused`: the server said no (its code); `bad-answer`: not insights JSON. */
  readonly kind: 'server-down' | 'refused' | 'bad-answer'
  readonly message: string
  readonly code?: string
  readonly status?: number
}

export type InsightsAnswer =
  | { readonly ok: true; readonly insights: FlowInsights }
  | { readonly ok: false; readonly problem: InsightsProblem }

const isInsights = (body: unknown): body is FlowInsights => {
  const b = body as Partial<FlowInsights> | null
  return (
    typeof b === 'object' &&
    b !== null &&
    typeof b.workflow === 'string' &&
    typeof b.journeys === 'object' &&
    Array.isArray(b.steps) &&
    Array.isArray(b.edges) &&
    Array.isArray(b.paths)
  )
}

const SERVER_DOWN = 'The Flowkit server is not answering, so there are no journeys to show. Start it with the demo: run `npm run demo`.'

/** Reads the answer: insights, the server's own error (`{ error: { code, message } }`), or what went wrong on the way. */
export const readInsightsResponse = async (response: Response): Promise<InsightsAnswer> => {
  const body: unknown = await response.json().catch(() => undefined)
  if (response.ok) {
    return isInsights(body)
      ? { ok: true, insights: body }
      : {
          ok: false,
          problem: {
            kind: 'bad-answer',
            status: response.status,
            message: 'The server answered, but not with journey insights. Is it an older Flowkit server? Restart `npm run demo`.',
          },
        }
  }
  const error = (body as { error?: { code?: unknown; message?: unknown } } | undefined)?.error
  if (error && typeof error.message === 'string') {
    return {
      ok: false,
      problem: {
        kind: 'refused',
        status: response.status,
        message: error.message,
        ...(typeof error.code === 'string' ? { code: error.code } : {}),
      },
    }
  }
  // A proxy with nothing behind it answers 5xx with no Flowkit error in the body.
  if (response.status >= 500) return { ok: false, problem: { kind: 'server-down', status: response.status, message: SERVER_DOWN } }
  return {
    ok: false,
    problem: {
      kind: 'bad-answer',
      status: response.status,
      message: `The server answered ${response.status} without saying why. Is it an older Flowkit server with no insights route? Restart \`npm run demo\`.`,
    },
  }
}

/** `GET /api/flowkit/insights/:workflow?from=`: never throws, except when `signal` aborts. */
export const fetchInsights = async (workflow: string, query: URLSearchParams, signal?: AbortSignal): Promise<InsightsAnswer> => {
  const search = query.size ? `?${query}` : ''
  let response: Response
  try {
    response = await fetch(`${INSIGHTS_API}/${encodeURIComponent(workflow)}${search}`, { signal, headers: { accept: 'application/json' } })
  } catch (error) {
    if (signal?.aborted) throw error
    return { ok: false, problem: { kind: 'server-down', message: SERVER_DOWN } }
  }
  return readInsightsResponse(response)
}
