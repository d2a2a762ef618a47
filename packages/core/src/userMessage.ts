import { isWorkflowError } from './WorkflowError'

/** Errors the JavaScript engine throws: their words come from a bug (`undefined is not a function`, `Failed to fetch`), never for a person to read. */
const BUILT_IN: readonly (new () => Error)[] = [TypeError, ReferenceError, RangeError, SyntaxError, EvalError, URIError]

/**
 * The words to show a person for a failed step: the message your own code threw (an action's
 * `throw new Error('That username is taken')`, under any WorkflowError wrapping it), else
 * `fallback`. `error.message` is a diagnostic for developers: long in development, only the code
 * and step in production builds. Errors the JavaScript engine throws (a `TypeError` from a bug, a
 * failed `fetch`) and empty messages get `fallback`.
 * @example
 * {snapshot.error && <p role="alert">{userMessage(snapshot.error)}</p>}
 */
export const userMessage = (
  error: unknown,
  fallback = 'Something went wrong on our side. Nothing you entered was lost; try again.',
): string => {
  let cause = error
  for (let depth = 0; isWorkflowError(cause) && depth < 16; depth++) cause = cause.cause
  if (!(cause instanceof Error) || isWorkflowError(cause)) return fallback
  const kind = cause.constructor
  return cause.message && !BUILT_IN.some((type) => kind === type) ? cause.message : fallback
}
