/** Every refusal the handler can answer with; the HTTP status follows from the code. */
export type ServerErrorCode =
  | 'INVALID_JSON'
  | 'INVALID_REQUEST'
  | 'UNSUPPORTED_MEDIA_TYPE'
  | 'BODY_TOO_LARGE'
  | 'NOT_FOUND'
  | 'METHOD_NOT_ALLOWED'
  | 'UNKNOWN_WORKFLOW'
  | 'FORBIDDEN'
  | 'EXPIRED'
  | 'VERSION_CONFLICT'
  | 'ALREADY_SUBMITTED'
  | 'INVALID_SNAPSHOT'
  | 'NOT_FINISHED'
  | 'REQUIRED_STEP_SKIPPED'
  | 'UNREACHABLE_STEP'
  | 'INVALID_INPUT'
  | 'STATE_MISMATCH'
  | 'REPLAY_FAILED'
  | 'SERVER_ACTION_FAILED'
  | 'STORAGE_UNAVAILABLE'
  | 'INTERNAL'

export const STATUS: Readonly<Record<ServerErrorCode, number>> = {
  INVALID_JSON: 400,
  INVALID_REQUEST: 400,
  UNSUPPORTED_MEDIA_TYPE: 415,
  BODY_TOO_LARGE: 413,
  NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  UNKNOWN_WORKFLOW: 404,
  FORBIDDEN: 403,
  EXPIRED: 410,
  VERSION_CONFLICT: 409,
  ALREADY_SUBMITTED: 409,
  INVALID_SNAPSHOT: 422,
  NOT_FINISHED: 422,
  REQUIRED_STEP_SKIPPED: 422,
  UNREACHABLE_STEP: 422,
  INVALID_INPUT: 422,
  STATE_MISMATCH: 422,
  REPLAY_FAILED: 422,
  SERVER_ACTION_FAILED: 422,
  STORAGE_UNAVAILABLE: 503,
  INTERNAL: 500,
}

/** A refusal: the handler turns it into `{ error: { code, message, step? } }` with the code's status. */
export class ServerError extends Error {
  readonly code: ServerErrorCode
  readonly step: string | undefined
  readonly extra: Readonly<Record<string, unknown>>

  constructor(code: ServerErrorCode, message: string, options: { step?: string; extra?: Record<string, unknown>; cause?: unknown } = {}) {
    super(`[flowkit/server] ${message}`, options.cause === undefined ? undefined : { cause: options.cause })
    this.name = 'ServerError'
    this.code = code
    this.step = options.step
    this.extra = options.extra ?? {}
  }

  get status(): number {
    return STATUS[this.code]
  }
}
