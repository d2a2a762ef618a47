import { type Issues, toIssues } from '@flowkit/core'
import type { StepSchema } from './stepDefaults'

/** What `useStep().validate()` found: the parsed value when valid, the messages by field path otherwise. */
export type StepValidation =
  | { readonly valid: true; readonly value: unknown; readonly issues: Issues }
  | { readonly valid: false; readonly value?: undefined; readonly issues: Issues }

const NO_ISSUES: Issues = Object.freeze({})

/** Checks `input` against a step's schema without running its actions or moving; a step without a schema accepts anything. */
export const validateInput = async (schema: StepSchema | undefined, input: unknown): Promise<StepValidation> => {
  if (!schema) return { valid: true, value: input, issues: NO_ISSUES }
  const result = await schema['~standard'].validate(input)
  return result.issues ? { valid: false, issues: toIssues(result.issues) } : { valid: true, value: result.value, issues: NO_ISSUES }
}
