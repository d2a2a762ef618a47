import { isPlainObject, type Workflow } from '@flowkit/core'
import type { StandardSchemaV1 } from '@standard-schema/spec'
import { cached } from './cached'
import { getPath, setPath } from './paths'
import { scopedState } from './stepGroup'

/** A Standard Schema that can also describe itself as JSON Schema (zod 4, arktype; valibot through `toStandardJsonSchema`). */
interface JsonSchemaCapable {
  readonly '~standard': { readonly jsonSchema?: { input(options: { target: string }): Record<string, unknown> } }
}

/** A step's Standard Schema (zod, valibot, arktype…), typed by the values `V` of its form. */
export type StepSchema<V = unknown> = StandardSchemaV1<V, V>

interface SchemaFields {
  /** Top-level property names of the input. */
  readonly keys: readonly string[]
  /** The schema's own defaults (`z.enum([...]).default('post')`), by property. */
  readonly defaults: Readonly<Record<string, unknown>>
}

const NONE: SchemaFields = Object.freeze({ keys: [], defaults: {} })
const fieldsBySchema = new WeakMap<object, SchemaFields>()

const readFields = (schema: JsonSchemaCapable): SchemaFields => {
  const convert = schema['~standard'].jsonSchema
  if (!convert) return NONE
  let json: Record<string, unknown>
  try {
    json = convert.input({ target: 'draft-2020-12' })
  } catch {
    return NONE // a schema JSON Schema cannot describe (a transform, a custom check) has no fields to prefill
  }
  const properties = json.properties
  if (typeof properties !== 'object' || properties === null) return NONE
  const defaults: Record<string, unknown> = {}
  for (const [key, property] of Object.entries(properties as Record<string, { default?: unknown }>)) {
    if (property?.default !== undefined) defaults[key] = property.default
  }
  return { keys: Object.keys(properties), defaults }
}

/** The fields a step's schema declares, and its defaults; none when the schema cannot say. */
export const schemaFields = (schema: StepSchema | undefined): SchemaFields =>
  schema ? cached(fieldsBySchema, schema, () => readFields(schema as JsonSchemaCapable)) : NONE

const boundPaths = new WeakMap<Workflow, Map<string, Set<string>>>()

/** Notes that a field of `step` is bound to `path` (by `field()` or `useField`), so an untouched form submits its default. */
export const bindPath = (workflow: Workflow, step: string, path: string): void => {
  cached(
    cached(boundPaths, workflow, () => new Map()),
    step,
    () => new Set(),
  ).add(path)
}

export const schemaOf = (workflow: Workflow, step: string): StepSchema | undefined =>
  (workflow.definition.steps as Record<string, { validate?: StepSchema } | undefined>)[step]?.validate

/**
 * The initial value of a field: the flow's state at that path (a sub-flow's or repeat item's step reads
 * its own data, e.g. `state.shipping` or `state.dependants[1]`), else the step schema's default.
 */
export const defaultAt = (workflow: Workflow, step: string, state: unknown, path: string): unknown => {
  const value = getPath(scopedState(workflow.definition, step, state), path)
  return value !== undefined ? value : getPath(schemaFields(schemaOf(workflow, step)).defaults, path)
}

/** The value of a field: what the user typed (`draft`), else its initial value. */
export const fieldValue = (workflow: Workflow, step: string, state: unknown, draft: unknown, path: string): unknown => {
  const typed = getPath(draft, path)
  return typed !== undefined ? typed : defaultAt(workflow, step, state, path)
}

/** The initial values of a step: each field its schema declares or the step binds, from the state or the schema's default. */
export const stepDefaults = (workflow: Workflow, step: string, state: unknown): Record<string, unknown> => {
  let out: Record<string, unknown> = {}
  const paths = new Set([...schemaFields(schemaOf(workflow, step)).keys, ...(boundPaths.get(workflow)?.get(step) ?? [])])
  for (const path of paths) {
    const value = defaultAt(workflow, step, state, path)
    if (value !== undefined) out = setPath(out, path, value)
  }
  return out
}

/** `draft` over `defaults`, merging plain objects: what the user typed wins, path by path. */
export const withDefaults = (defaults: Record<string, unknown>, draft: unknown): Record<string, unknown> => {
  if (!isPlainObject(draft)) return defaults
  const out: Record<string, unknown> = { ...defaults }
  for (const [key, value] of Object.entries(draft)) {
    const base = out[key]
    // defineProperty, so that a field named `__proto__` stays a field.
    Object.defineProperty(out, key, {
      value: isPlainObject(base) && isPlainObject(value) ? withDefaults(base, value) : value,
      enumerable: true,
      writable: true,
      configurable: true,
    })
  }
  return out
}

/** A step's values: its `draft` over its initial values. */
export const valuesOf = (workflow: Workflow, step: string, state: unknown, draft: unknown): Record<string, unknown> =>
  withDefaults(stepDefaults(workflow, step, state), draft)
