/**
 * Every way Flowkit reports a problem, in every package. Branch on `error.code`; `error.category`
 * groups them. A code means one thing everywhere.
 */
export type WorkflowErrorCode =
  // definition: a definition or flow file that cannot work (thrown by defineWorkflow and composeWorkflow, reported by checkDefinition and loadWorkflow)
  | 'INVALID_DEFINITION'
  | 'UNKNOWN_STEP'
  | 'MISSING_NEXT'
  | 'FINAL_WITH_NEXT'
  | 'MISSING_TARGETS'
  | 'UNREACHABLE_STEP'
  | 'SKIP_CYCLE'
  | 'MISSING_FINAL'
  | 'INVALID_SUBFLOW'
  | 'RECURSIVE_SUBFLOW'
  | 'INVALID_REPEAT'
  | 'UNKNOWN_ACTION'
  | 'UNKNOWN_GUARD'
  | 'PARSE_ERROR'
  | 'TOO_DEEP'
  | 'TOO_LARGE'
  | 'INVALID_TYPE'
  | 'MISSING_KEY'
  | 'UNKNOWN_KEY'
  | 'INVALID_VALUE'
  // usage: a programmer mistake at run time (thrown)
  | 'NOT_VISITED'
  | 'WORKFLOW_DONE'
  | 'INVALID_OPTION'
  | 'NO_PROVIDER'
  | 'WRONG_PROVIDER'
  | 'NO_STEP'
  | 'INVALID_PATH'
  | 'INVALID_WORKFLOW'
  | 'MISSING_DEPENDENCY'
  // transition: what a move can run into (set on `snapshot.error`, state unchanged)
  | 'NO_CHOICE'
  | 'AMBIGUOUS_CHOICE'
  | 'INVALID_TARGET'
  | 'ACTION_FAILED'
  | 'INVALID_INPUT'
  | 'SKIP_LOOP'
  | 'RUN_LIMIT'
  | 'GUARD_FAILED'
  | 'STATE_IMMUTABLE'
  | 'REPEAT_LIMIT'
  | 'FORWARD_BLOCKED'
  // snapshot: a stored or submitted snapshot that does not fit the definition (replay)
  | 'INVALID_SNAPSHOT'
  | 'SNAPSHOT_MISMATCH'
  | 'SNAPSHOT_EXPIRED'
  | 'STEP_NOT_ON_PATH'
  | 'REQUIRED_STEP_SKIPPED'
  | 'STATE_MISMATCH'
  | 'NOT_FINISHED'
  // storage: where snapshots are kept failed
  | 'STORAGE_FAILED'
  | 'STORAGE_UNAVAILABLE'
  | 'NETWORK'
  | 'NOT_SAVED'
  | 'NOT_SUBMITTED'
  // server: what an HTTP handler refuses
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
  | 'SUBMISSION_IN_PROGRESS'
  | 'SERVER_ACTION_FAILED'
  | 'RATE_LIMITED'
  | 'TOO_MANY_INSTANCES'
  | 'INTERNAL'

/** Which kind of problem: where it comes from and who can fix it. */
export type WorkflowErrorCategory = 'definition' | 'usage' | 'transition' | 'snapshot' | 'storage' | 'server'

export interface WorkflowErrorOptions {
  /** Which kind of problem this is. */
  readonly category: WorkflowErrorCategory
  /** The step the problem is about. */
  readonly step?: string | undefined
  /** The underlying error (a thrown action error, a parse error…). */
  readonly cause?: unknown
  /** Machine-readable specifics, e.g. the guards that matched or the validation issues. */
  readonly details?: Readonly<Record<string, unknown>>
}

/** Marks Flowkit errors across copies of the package (two installed versions, iframes): `instanceof` cannot. */
const BRAND = Symbol.for('flowkit.error')

/**
 * The one error class of Flowkit, in every package. The message names the step, the bad value and
 * the fix; it has no prefix to strip.
 * @example
 * if (snapshot.error?.code === 'ACTION_FAILED') showRetry()
 */
export class WorkflowError extends Error {
  readonly code: WorkflowErrorCode
  readonly category: WorkflowErrorCategory
  readonly step: string | undefined
  readonly details: Readonly<Record<string, unknown>>

  /** `message` is `false` in production builds, which drop diagnostics: the code and step remain. */
  constructor(code: WorkflowErrorCode, message: string | false, options: WorkflowErrorOptions) {
    super(
      message || (options.step === undefined ? code : `${code} at step '${options.step}'`),
      options.cause === undefined ? undefined : { cause: options.cause },
    )
    this.name = 'WorkflowError'
    this.code = code
    this.category = options.category
    this.step = options.step
    this.details = options.details ?? {}
    ;(this as unknown as Record<symbol, true>)[BRAND] = true
  }

  /** JSON-safe form, so an error in a snapshot or an HTTP answer survives `JSON.stringify`. */
  toJSON(): { name: string; code: WorkflowErrorCode; category: WorkflowErrorCategory; message: string; step?: string } {
    return { name: this.name, code: this.code, category: this.category, message: this.message, step: this.step }
  }
}

/** Whether `value` is a `WorkflowError`, also one thrown by another installed copy of Flowkit. */
export const isWorkflowError = (value: unknown): value is WorkflowError =>
  typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[BRAND] === true
