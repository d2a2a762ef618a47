import { ServerError } from './ServerError'

const HEADERS = { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' }

export const json = (body: unknown, status = 200): Response =>
  status === 204
    ? new Response(null, { status, headers: { 'cache-control': 'no-store' } })
    : new Response(JSON.stringify(body), { status, headers: HEADERS })

export const errorResponse = (error: ServerError, headers: Record<string, string> = {}): Response =>
  new Response(
    JSON.stringify({
      error: { code: error.code, message: error.message, ...(error.step === undefined ? {} : { step: error.step }) },
      ...error.extra,
    }),
    { status: error.status, headers: { ...HEADERS, ...headers } },
  )

export { ServerError }
