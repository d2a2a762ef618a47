import type { WorkflowError } from '@flowkit/core'
import { networkError, serverError } from './clientError'
import { deviceId } from './deviceId'

/** A server answer, sorted into what the adapter does with it. */
export type Reply =
  | { readonly kind: 'ok'; readonly status: number; readonly body: Record<string, unknown> }
  /** A 4xx: the server understood and said no; retrying the same request will not help. */
  | {
      readonly kind: 'refused'
      readonly status: number
      readonly body: Record<string, unknown>
      readonly error: WorkflowError
      /** Seconds the server asked to wait before asking again (`Retry-After`), when it said. */
      readonly retryAfter?: number
    }
  /** No answer, a 5xx, or 429 `RATE_LIMITED`: worth retrying later. */
  | { readonly kind: 'unreachable'; readonly error: WorkflowError }

export const request = async (
  fetcher: typeof fetch,
  method: string,
  url: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<Reply> => {
  let response: Response
  // The device header first, so a caller's own `headers` can replace it.
  const all = { 'x-flowkit-device': deviceId(), ...headers }
  try {
    response = await fetcher(url, {
      method,
      headers: body === undefined ? all : { 'content-type': 'application/json', ...all },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    })
  } catch (cause) {
    return { kind: 'unreachable', error: networkError(cause) }
  }
  let parsed: Record<string, unknown> = {}
  if (response.status !== 204) {
    try {
      parsed = ((await response.json()) as Record<string, unknown> | null) ?? {}
    } catch {
      parsed = {}
    }
  }
  if (response.ok) return { kind: 'ok', status: response.status, body: parsed }
  const error = serverError(parsed, response.status)
  // Rate limited: the same request succeeds later. (A cap on instances, also 429, does not lift by waiting.)
  if (response.status >= 500 || error.code === 'RATE_LIMITED') return { kind: 'unreachable', error }
  const wait = Number(response.headers.get('retry-after'))
  return { kind: 'refused', status: response.status, body: parsed, error, ...(wait > 0 ? { retryAfter: wait } : {}) }
}
