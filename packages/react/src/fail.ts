import { WorkflowError, type WorkflowErrorCode } from '@flowkit/core'

/**
 * Throws a programmer-mistake error, core's `WorkflowError` with category `'usage'`. Call it as
 * `fail(code, process.env.NODE_ENV !== 'production' && message)`: development gets the message saying
 * what was wrong and how to fix it; production builds drop the text and keep the code.
 */
export const fail = (code: WorkflowErrorCode, message: string | false): never => {
  throw new WorkflowError(code, message, { category: 'usage' })
}
