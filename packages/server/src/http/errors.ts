import { WorkflowError, type WorkflowErrorCode } from '@flowkit/core'
import { categoryOf } from '../errorCategory'

/** The HTTP status of each code the handler answers with; other snapshot and transition codes are 422. */
const STATUS: Partial<Record<WorkflowErrorCode, number>> = {
  INVALID_JSON: 400,
  INVALID_REQUEST: 400,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  UNKNOWN_WORKFLOW: 404,
  METHOD_NOT_ALLOWED: 405,
  VERSION_CONFLICT: 409,
  ALREADY_SUBMITTED: 409,
  SUBMISSION_IN_PROGRESS: 409,
  EXPIRED: 410,
  BODY_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  SERVER_ACTION_FAILED: 422,
  RATE_LIMITED: 429,
  TOO_MANY_INSTANCES: 429,
  INTERNAL: 500,
  STORAGE_UNAVAILABLE: 503,
}

/** The status a `WorkflowError` is answered with. */
export const statusOf = (error: WorkflowError): number =>
  STATUS[error.code] ?? (error.category === 'snapshot' || error.category === 'transition' ? 422 : 500)

export interface RefusalOptions {
  readonly step?: string | undefined
  readonly cause?: unknown
  /** `current` (the instance as it is now), `issues` (validation) and `retryAfter` (seconds) reach the answer. */
  readonly details?: Readonly<Record<string, unknown>>
}

/**
 * A refusal of the handler: a `WorkflowError` of category `server` (`snapshot` for a bad snapshot, `storage` for 503).
 * A refusal is an answer (4xx, 503), never logged with its stack, so none is captured: walking the async stack cost
 * a conflicting save a tenth of its time. `cause` keeps the stack of what failed underneath.
 */
export const refusal = (code: WorkflowErrorCode, message: string, options: RefusalOptions = {}): WorkflowError => {
  const limit = Error.stackTraceLimit
  Error.stackTraceLimit = 0
  try {
    return new WorkflowError(code, message, { category: categoryOf(code), ...options })
  } finally {
    Error.stackTraceLimit = limit
  }
}
