import type { WorkflowErrorCode } from '@flowkit/core'

/**
 * What kind of problem a flow file has: one of core's codes (`WorkflowErrorCode`, the one list of them), mostly
 * of its `definition` category, and the same code core gives the same problem. Branch on it; the message says
 * what to change.
 */
export type FlowProblemCode = WorkflowErrorCode

/** One problem of a flow file. */
export interface FlowProblem {
  readonly code: FlowProblemCode
  /** Where, as a JSON pointer into the document (RFC 6901): `/steps/payment/next/0/to`. `''` is the whole file. */
  readonly pointer: string
  /** What is wrong. */
  readonly message: string
  /** How to fix it, when there is more to say than the message. */
  readonly hint?: string
  /** The sub-flow file the problem is in (as its including file names it, joined to that file's path); absent for the file checked. */
  readonly file?: string
  /** 1-based line and column, when the source was text and the position is known. */
  readonly line?: number
  readonly column?: number
}

/** `/steps/a~1b/next/0` from `['steps', 'a/b', 'next', 0]` (RFC 6901 escaping). */
export const toPointer = (path: readonly PropertyKey[]): string =>
  path.map((segment) => `/${String(segment).replaceAll('~', '~0').replaceAll('/', '~1')}`).join('')

/** A typo hint, shared with the engine's own errors: `Did you mean 'review'?` or `''`. */
export { didYouMean } from '@flowkit/core'

/** `"a", "b" or "c"` */
export const quoteList = (names: readonly string[]): string => (names.length === 0 ? '(none)' : names.map((n) => `'${n}'`).join(', '))

/**
 * One line per problem: `/steps/pay/next: step 'reveiw' is not defined. Did you mean 'review'?`, prefixed
 * with the file for a problem in a sub-flow file (`flows/address.flow.yaml /steps/city: …`).
 */
export const formatProblems = (problems: readonly FlowProblem[]): string =>
  problems
    .map((p) => {
      const where = p.line === undefined ? p.pointer || '(file)' : `${p.pointer || '(file)'} (line ${p.line}:${p.column ?? 1})`
      return `${p.file === undefined ? '' : `${p.file} `}${where}: ${p.message}${p.hint ? ` ${p.hint}` : ''}`
    })
    .join('\n')
