import type { WorkflowError } from '@flowkit/core'
import { statusOf } from './errors'

const HEADERS = { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' }

export const json = (body: unknown, status = 200): Response =>
  status === 204
    ? new Response(null, { status, headers: { 'cache-control': 'no-store' } })
    : new Response(JSON.stringify(body), { status, headers: HEADERS })

/** `{ error: { code, category, message, step? }, current?, issues? }` with the code's status, and `Retry-After` when it has one. */
export const errorResponse = (error: WorkflowError): Response => {
  const { current, issues, retryAfter } = error.details as { current?: unknown; issues?: unknown; retryAfter?: number }
  const body = {
    error: {
      code: error.code,
      category: error.category,
      message: error.message,
      ...(error.step === undefined ? {} : { step: error.step }),
    },
    ...(current === undefined ? {} : { current }),
    ...(issues === undefined ? {} : { issues }),
  }
  const headers: Record<string, string> =
    retryAfter === undefined ? HEADERS : { ...HEADERS, 'retry-after': String(Math.max(1, Math.ceil(retryAfter))) }
  return new Response(JSON.stringify(body), { status: statusOf(error), headers })
}
