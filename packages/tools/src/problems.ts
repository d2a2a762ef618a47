/** What kind of problem a flow file has. Branch on it; the message says what to change. */
export type FlowProblemCode =
  | 'PARSE_ERROR'
  | 'TOO_DEEP'
  | 'TOO_LARGE'
  | 'INVALID_TYPE'
  | 'MISSING_KEY'
  | 'UNKNOWN_KEY'
  | 'INVALID_VALUE'
  | 'UNKNOWN_STEP'
  | 'UNKNOWN_ACTION'
  | 'UNKNOWN_GUARD'
  | 'UNREACHABLE_STEP'
  | 'MISSING_NEXT'
  | 'FINAL_WITH_NEXT'
  | 'MISSING_FINAL'
  | 'SKIP_CYCLE'
  | 'INVALID_SUBFLOW'
  | 'RECURSIVE_SUBFLOW'
  | 'INVALID_REPEAT'
  | 'INVALID_DEFINITION'

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
