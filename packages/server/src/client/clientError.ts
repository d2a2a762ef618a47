import { WorkflowError, type WorkflowErrorCode } from '@flowkit/core'
import { categoryOf, isCategory } from '../errorCategory'

/**
 * An error of the client's own (nothing saved yet, a conflict it settled, the browser's storage): Flowkit's
 * one error class, with the category the server gives the same code (`categoryOf`).
 */
export const clientError = (code: WorkflowErrorCode, message: string, cause?: unknown): WorkflowError =>
  new WorkflowError(code, message, { category: categoryOf(code), cause })

/** What a thrown value says: its message, or the value itself. */
export const saidBy = (cause: unknown): string => (cause instanceof Error ? cause.message : String(cause))

/**
 * The server's refusal (`{ error: { code, category, message, step? } }`) as a `WorkflowError`, so the
 * client's errors are the ones every package throws; `details.status` is the HTTP status. An answer
 * without one (a proxy's 502 page, another server at this URL) is `STORAGE_UNAVAILABLE` for a 5xx and
 * `INVALID_REQUEST` otherwise.
 */
export const serverError = (body: unknown, status: number): WorkflowError => {
  const e = (body as { error?: { code?: unknown; category?: unknown; message?: unknown; step?: unknown } } | null)?.error
  const known = typeof e?.code === 'string' && typeof e.message === 'string'
  const code: WorkflowErrorCode = known ? (e.code as WorkflowErrorCode) : status > 499 ? 'STORAGE_UNAVAILABLE' : 'INVALID_REQUEST'
  return new WorkflowError(
    code,
    known
      ? (e.message as string)
      : process.env.NODE_ENV !== 'production' &&
          `the server answered ${status} without a Flowkit error (is a proxy, or another server, answering at this URL?).`,
    {
      // The engine's own codes (INVALID_INPUT: transition) keep the category the server sent; an older server sent none.
      category: known && isCategory(e.category) ? e.category : categoryOf(code),
      step: known && typeof e.step === 'string' ? e.step : undefined,
      details: { status },
    },
  )
}

/** A thrown `fetch` (offline, DNS, CORS) as `NETWORK`, in the browser's own words. */
export const networkError = (cause: unknown): WorkflowError => clientError('NETWORK', saidBy(cause), cause)
