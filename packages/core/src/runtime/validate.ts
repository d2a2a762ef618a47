import type { StandardSchemaV1 } from '@standard-schema/spec'
import type { Issues, WorkflowDefinition } from '../types'
import { andThen } from './async'

export type Validated = { readonly value: unknown; readonly issues?: undefined } | { readonly issues: Issues }

const keyOf = (segment: PropertyKey | StandardSchemaV1.PathSegment): string =>
  String(typeof segment === 'object' && segment !== null ? segment.key : segment)

/** Groups Standard Schema issues by field path: `{ 'address.zip': ['Required'] }`; `''` is the input as a whole. */
export const toIssues = (issues: readonly StandardSchemaV1.Issue[]): Issues => {
  const out: Record<string, string[]> = {}
  for (const issue of issues) {
    const path = (issue.path ?? []).map(keyOf).join('.')
    // defineProperty, so that a field named `__proto__` is a field and not a prototype.
    if (!Object.hasOwn(out, path)) Object.defineProperty(out, path, { value: [], enumerable: true, writable: true, configurable: true })
    out[path]?.push(String(issue.message))
  }
  return out
}

/** Validates with any Standard Schema v1 validator (zod, valibot, arktype…), sync or async. */
export const validate = (schema: StandardSchemaV1, value: unknown): Validated | Promise<Validated> =>
  andThen(
    schema['~standard'].validate(value),
    (result): Validated => (result.issues ? { issues: toIssues(result.issues) } : { value: result.value }),
  )

/**
 * Checks `input` against a step's schema without moving or running actions: what `next(input)`
 * would put in `snapshot.issues`. A step without a schema accepts anything.
 * @example
 * const result = await validateStep(checkout, 'payment', { method: 'cash' })
 * if (result.issues) showErrors(result.issues)
 */
export const validateStep = <S extends object, K extends string>(
  definition: WorkflowDefinition<S, K>,
  step: K,
  input: unknown,
): Validated | Promise<Validated> => {
  const schema = (definition.steps as Record<string, { validate?: StandardSchemaV1 }>)[step]?.validate
  return schema ? validate(schema, input) : { value: input }
}
