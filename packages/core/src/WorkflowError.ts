/** Every way Flowkit can report a problem. Branch on `error.code`. */
export type WorkflowErrorCode =
  // a definition that cannot work (thrown by defineWorkflow)
  | 'INVALID_DEFINITION'
  | 'UNKNOWN_STEP'
  | 'MISSING_NEXT'
  | 'FINAL_WITH_NEXT'
  | 'MISSING_TARGETS'
  | 'UNREACHABLE_STEP'
  | 'SKIP_CYCLE'
  | 'MISSING_FINAL'
  // programmer mistakes at run time (thrown)
  | 'NOT_VISITED'
  | 'WORKFLOW_DONE'
  // what a transition can run into (set on `snapshot.error`, state unchanged)
  | 'NO_CHOICE'
  | 'AMBIGUOUS_CHOICE'
  | 'INVALID_TARGET'
  | 'ACTION_FAILED'
  | 'INVALID_INPUT'
  | 'SKIP_LOOP'
  | 'RUN_LIMIT'
  | 'GUARD_FAILED'
  // a stored snapshot that could not be used (passed to `onError`, the flow starts fresh)
  | 'INVALID_SNAPSHOT'
  | 'SNAPSHOT_MISMATCH'
  | 'SNAPSHOT_EXPIRED'
  | 'STORAGE_FAILED'

export interface WorkflowErrorOptions {
  /** The step the problem is about. */
  readonly step?: string | undefined
  /** The underlying error (a thrown action error, a parse error…). */
  readonly cause?: unknown
  /** Machine-readable specifics, e.g. the guards that matched. */
  readonly details?: Readonly<Record<string, unknown>>
}

/**
 * The one error class of Flowkit. The message names the step, the bad value and the fix.
 * @example
 * if (snapshot.error?.code === 'ACTION_FAILED') showRetry()
 */
export class WorkflowError extends Error {
  readonly code: WorkflowErrorCode
  readonly step: string | undefined
  readonly details: Readonly<Record<string, unknown>>

  /** `message` is `false` in production builds, which drop diagnostics: the code and step remain. */
  constructor(code: WorkflowErrorCode, message: string | false, options: WorkflowErrorOptions = {}) {
    super(
      `[flowkit] ${message || (options.step === undefined ? code : `${code} at step '${options.step}'`)}`,
      options.cause === undefined ? undefined : { cause: options.cause },
    )
    this.name = 'WorkflowError'
    this.code = code
    this.step = options.step
    this.details = options.details ?? {}
  }

  /** JSON-safe form, so an error in a snapshot survives `JSON.stringify`. */
  toJSON(): { name: string; code: WorkflowErrorCode; message: string; step?: string } {
    return { name: this.name, code: this.code, message: this.message, step: this.step }
  }
}

export const isWorkflowError = (value: unknown): value is WorkflowError => value instanceof WorkflowError
