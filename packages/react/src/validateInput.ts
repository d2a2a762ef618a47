import type { Issues } from '@flowkit/core'
import type { StepSchema } from './stepDefaults'

/** What `useStep().validate()` found: the parsed value when valid, the messages by field path otherwise. */
export type StepValidation =
  | { readonly valid: true; readonly value: unknown; readonly issues: Issues }
  | { readonly valid: false; readonly value?: undefined; readonly issues: Issues }

const NO_ISSUES: Issues = Object.freeze({})

type Issue = { readonly message: string; readonly path?: ReadonlyArray<PropertyKey | { readonly key: PropertyKey }> }

// The same grouping as the engine's (`{ 'address.zip': [...] }`, `''` for the whole input), so that a
// message found here is the one `next()` would put in `snapshot.issues`.
const toIssues = (issues: readonly Issue[]): Issues => {
  const out: Record<string, string[]> = {}
  for (const issue of issues) {
    const path = (issue.path ?? []).map((s) => String(typeof s === 'object' && s !== null ? s.key : s)).join('.')
    if (!Object.hasOwn(out, path)) Object.defineProperty(out, path, { value: [], enumerable: true, writable: true, configurable: true })
    out[path]?.push(String(issue.message))
  }
  return out
}

/** Checks `input` against a step's schema without running its actions or moving; a step without a schema accepts anything. */
export const validateInput = async (schema: StepSchema | undefined, input: unknown): Promise<StepValidation> => {
  if (!schema) return { valid: true, value: input, issues: NO_ISSUES }
  const result = await schema['~standard'].validate(input)
  return result.issues ? { valid: false, issues: toIssues(result.issues) } : { valid: true, value: result.value, issues: NO_ISSUES }
}
