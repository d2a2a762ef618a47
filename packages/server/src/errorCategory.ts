import type { WorkflowErrorCategory, WorkflowErrorCode } from '@flowkit/core'

/**
 * The category of a code the server answers with or the client makes, one rule for both, so a code
 * has one category whichever side made it (`VERSION_CONFLICT` is `server` from the handler and from
 * the client settling one): `storage` for storage and connection (`STORAGE_UNAVAILABLE`,
 * `STORAGE_FAILED`, `NETWORK`, `NOT_SAVED`, `NOT_SUBMITTED`), `snapshot` for a snapshot that cannot be
 * used, else `server`.
 */
export const categoryOf = (code: WorkflowErrorCode): WorkflowErrorCategory =>
  /^(STORAGE_|NETWORK$|NOT_SAVED$|NOT_SUBMITTED$)/.test(code)
    ? 'storage'
    : /^(INVALID_SNAPSHOT|SNAPSHOT_MISMATCH|NOT_FINISHED)$/.test(code)
      ? 'snapshot'
      : 'server'

/** Whether `value` is one of the categories, as a server's answer may claim. */
export const isCategory = (value: unknown): value is WorkflowErrorCategory =>
  typeof value === 'string' && /^(definition|usage|transition|snapshot|storage|server)$/.test(value)
