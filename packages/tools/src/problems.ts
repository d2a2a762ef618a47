/** What kind of problem a flow file has. Branch on it; the message says what to change. */
export type FlowProblemCode =
  | 'PARSE_ERROR'
  | 'TOO_DEEP'
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
  /** 1-based line and column, when the source was text and the position is known. */
  readonly line?: number
  readonly column?: number
}

/** `/steps/a~1b/next/0` from `['steps', 'a/b', 'next', 0]` (RFC 6901 escaping). */
export const toPointer = (path: readonly PropertyKey[]): string =>
  path.map((segment) => `/${String(segment).replaceAll('~', '~0').replaceAll('/', '~1')}`).join('')

/** `'review'` → ` Did you mean 'review'?` when one of `known` is close to `name`. */
export const didYouMean = (name: string, known: Iterable<string>): string => {
  let best = ''
  // Close means fewer edits than a third of the name (at least 2), and fewer than its length: 'b' is not a typo of 'a'.
  let bestDistance = Math.min(Math.max(2, Math.floor(name.length / 3)) + 1, name.length)
  for (const candidate of known) {
    const d = distance(name.toLowerCase(), candidate.toLowerCase(), bestDistance)
    if (d < bestDistance) {
      best = candidate
      bestDistance = d
    }
  }
  return best ? `Did you mean '${best}'?` : ''
}

/** Levenshtein distance, giving up (returning `limit`) on long or very different strings. */
const distance = (a: string, b: string, limit: number): number => {
  if (Math.abs(a.length - b.length) >= limit || a.length > 200 || b.length > 200) return limit
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i)
  for (let i = 1; i <= a.length; i++) {
    const row = [i]
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min((prev[j] as number) + 1, (row[j - 1] as number) + 1, (prev[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1))
    }
    prev = row
  }
  return prev[b.length] as number
}

/** `"a", "b" or "c"` */
export const quoteList = (names: readonly string[]): string => (names.length === 0 ? '(none)' : names.map((n) => `'${n}'`).join(', '))

/** One line per problem: `/steps/pay/next: step 'reveiw' is not defined. Did you mean 'review'?` */
export const formatProblems = (problems: readonly FlowProblem[]): string =>
  problems
    .map((p) => {
      const where = p.line === undefined ? p.pointer || '(file)' : `${p.pointer || '(file)'} (line ${p.line}:${p.column ?? 1})`
      return `${where}: ${p.message}${p.hint ? ` ${p.hint}` : ''}`
    })
    .join('\n')
