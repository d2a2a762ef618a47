import { isPlainObject } from '../plain'
import type { Issues } from '../types'
import { WorkflowError } from '../WorkflowError'

/** Marks the error `refuse()` makes, across two installed copies of core. */
const REFUSAL = Symbol.for('flowkit.refusal')

/**
 * What an action throws to refuse the step's input with issues by field path, as a failed `validate`
 * does: the user stays on the step, `snapshot.issues` holds the messages (no `snapshot.error`), the input
 * stays as the draft, and a server replaying the flow refuses it the same way. For rules a schema of the
 * input cannot check: over the answers already given, or by a service (an email already registered).
 * `''` is the input as a whole.
 * @example
 * actions: [
 *   async ({ input, signal }) => {
 *     if (await isRegistered(input.email, signal)) throw refuse({ email: 'That email address is already registered' })
 *   },
 * ]
 */
export const refuse = (issues: Readonly<Record<string, string | readonly string[]>>): WorkflowError => {
  const out: Record<string, readonly string[]> = {}
  if (isPlainObject(issues)) {
    for (const [path, messages] of Object.entries(issues)) {
      const list = typeof messages === 'string' ? [messages] : messages
      if (Array.isArray(list) && list.length > 0 && list.every((m) => typeof m === 'string')) out[path] = [...list]
    }
  }
  if (Object.keys(out).length === 0) {
    return new WorkflowError(
      'INVALID_OPTION',
      process.env.NODE_ENV !== 'production' &&
        "refuse() needs issues by field path, each a message or a list of messages, e.g. refuse({ email: 'That email address is already registered' }).",
      { category: 'usage' },
    )
  }
  const error = new WorkflowError(
    'INVALID_INPUT',
    process.env.NODE_ENV !== 'production' && `the step refused its input: ${Object.keys(out).join(', ')}`,
    { category: 'transition', details: { issues: out } },
  )
  return Object.defineProperty(error, REFUSAL, { value: true })
}

/** The issues of an error `refuse()` made, else undefined. */
export const refusedIssues = (error: unknown): Issues | undefined =>
  (error as { [REFUSAL]?: boolean } | null)?.[REFUSAL] === true ? ((error as WorkflowError).details.issues as Issues) : undefined
