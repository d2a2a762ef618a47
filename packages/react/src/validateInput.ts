import { type Issues, type Validated, validateStep, type Workflow } from '@flowkit/core'

/** What `useStep().validate()` found: the parsed value when valid, the messages by field path otherwise. */
export type StepValidation =
  | { readonly valid: true; readonly value: unknown; readonly issues: Issues }
  | { readonly valid: false; readonly value?: undefined; readonly issues: Issues }

const NO_ISSUES: Issues = Object.freeze({})

const toValidation = (result: Validated): StepValidation =>
  result.issues ? { valid: false, issues: result.issues } : { valid: true, value: result.value, issues: NO_ISSUES }

/** Checks `input` against `step`'s schema with core's `validateStep`, without running its actions or moving; a step without a schema accepts anything. */
export const validateInput = async (workflow: Workflow, step: string, input: unknown): Promise<StepValidation> =>
  toValidation(await validateStep(workflow.definition, step, input))
