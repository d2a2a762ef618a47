import type { StandardSchemaV1 } from '@standard-schema/spec'
import { readField, SOURCE } from './conditions'
import type { FieldRule } from './format'
import { type LinearPattern, linearPattern } from './linearPattern'

/** A Standard Schema v1 compiled from a file's `fields`; the rules stay readable on it. */
export type FieldSchema = StandardSchemaV1<unknown, Record<string, unknown>> & { readonly [SOURCE]: Readonly<Record<string, FieldRule>> }

// On RE2 too: as a RegExp it backtracks, quadratic in the length of a long run of dots.
const EMAIL = linearPattern('[^\\s@]+@[^\\s@]+\\.[^\\s@]+')

const linear = new WeakMap<RegExp, LinearPattern>()

/**
 * The whole-string `RegExp` for a rule's `pattern`, for code that reads patterns as RegExp. `checkField`
 * matches it on RE2 in linear time, never with `RegExp#test`. Throws a SyntaxError for a pattern that
 * is invalid or that RE2 cannot run (backreferences, lookarounds), saying what to change.
 */
export const patternOf = (pattern: string): RegExp => {
  const compiled = linearPattern(pattern)
  const regexp = new RegExp(`^(?:${pattern})$`, 'u')
  linear.set(regexp, compiled)
  return regexp
}

const matcherOf = (pattern: RegExp | LinearPattern): LinearPattern =>
  pattern instanceof RegExp ? (linear.get(pattern) ?? linearPattern(pattern.source)) : pattern

const typeOk = (type: FieldRule['type'], value: unknown): boolean => {
  switch (type) {
    case undefined:
      return true
    case 'integer':
      return Number.isInteger(value)
    case 'number':
      return typeof value === 'number' && Number.isFinite(value)
    case 'array':
      return Array.isArray(value)
    case 'object':
      return typeof value === 'object' && value !== null && !Array.isArray(value)
    default:
      return typeof value === type
  }
}

// A decimal number as an HTML input sends it: `2`, `-1.5`, `.5`, `1e3`; not `0x10`, `Infinity` or `1,5`.
const NUMERIC = /^\s*[-+]?(?:\d+\.?\d*|\.\d+)(?:e[-+]?\d+)?\s*$/i

/**
 * A `number` or `integer` field's value as a form sends it: a numeric string is its number, an empty
 * or blank one is no value (`undefined`); any other value is left for the rules to reject.
 */
const fromText = (type: FieldRule['type'], value: unknown): unknown => {
  if ((type !== 'number' && type !== 'integer') || typeof value !== 'string') return value
  if (value.trim() === '') return undefined
  return NUMERIC.test(value) ? Number(value) : value
}

/** A copy of `value` with the field at `path` replaced by `field` (left out when `undefined`); the input is not mutated. */
const writeField = (value: Record<string, unknown>, path: readonly string[], field: unknown): Record<string, unknown> => {
  const [key, ...rest] = path as [string, ...string[]]
  const out = { ...value }
  const next = rest.length === 0 ? field : writeField(value[key] as Record<string, unknown>, rest, field)
  if (next === undefined) delete out[key]
  // defineProperty, so that a field named `__proto__` stays a field.
  else Object.defineProperty(out, key, { value: next, enumerable: true, writable: true, configurable: true })
  return out
}

const article = (type: string) => (type === 'integer' || type === 'array' || type === 'object' ? 'an' : 'a')

/** The first message this rule gives for a value, or undefined when it passes. */
export const checkField = (rule: FieldRule, value: unknown, pattern?: RegExp | LinearPattern): string | undefined => {
  const fail = (message: string) => rule.message ?? message
  if (value === undefined || value === null || value === '') return rule.required ? fail('is required') : undefined
  if (!typeOk(rule.type, value)) return fail(`must be ${article(rule.type as string)} ${rule.type}`)
  if (rule.enum && !rule.enum.includes(value as never)) return fail(`must be one of: ${rule.enum.map((v) => JSON.stringify(v)).join(', ')}`)
  const length = typeof value === 'string' || Array.isArray(value) ? value.length : undefined
  const unit = typeof value === 'string' ? 'characters' : 'items'
  if (length !== undefined && rule.minLength !== undefined && length < rule.minLength)
    return fail(`must have at least ${rule.minLength} ${unit}`)
  if (length !== undefined && rule.maxLength !== undefined && length > rule.maxLength)
    return fail(`must have at most ${rule.maxLength} ${unit}`)
  if (typeof value === 'number' && rule.min !== undefined && value < rule.min) return fail(`must be at least ${rule.min}`)
  if (typeof value === 'number' && rule.max !== undefined && value > rule.max) return fail(`must be at most ${rule.max}`)
  if (typeof value === 'string' && pattern && !matcherOf(pattern).matches(value)) return fail('has the wrong format')
  if (typeof value === 'string' && rule.format === 'email' && !EMAIL.matches(value)) return fail('must be an email address')
  return undefined
}

/**
 * Compiles per-field rules into a Standard Schema v1 validator, the contract `@flowkit/core` validates
 * step input with. Field names may be dotted (`'address.zip'`); issues carry the path, so the engine
 * reports them under `snapshot.issues['address.zip']`. A `number` or `integer` field takes the string
 * an HTML input sends: `'2'` is validated and passed on as `2`, a blank string is no value (`is
 * required` when `required`, else left out of the value), and a string that is not a number (`'abc'`)
 * fails the type rule (`must be an integer`, or the field's `message`). Patterns run on RE2, in time linear in the
 * input. Throws a SyntaxError for an invalid `pattern`, or one with a backreference or lookaround
 * (`loadWorkflow` reports it as a problem instead).
 * @example
 * const schema = compileFields({ email: { type: 'string', required: true, format: 'email' } })
 * schema['~standard'].validate({ email: 'nope' }) // { issues: [{ message: 'must be an email address', path: ['email'] }] }
 */
export const compileFields = (fields: Readonly<Record<string, FieldRule>>): FieldSchema => {
  const entries = Object.entries(fields).map(([name, rule]) => ({
    name,
    path: name.split('.'),
    rule,
    pattern: rule.pattern === undefined ? undefined : linearPattern(rule.pattern),
  }))
  const validate = (value: unknown): StandardSchemaV1.Result<Record<string, unknown>> => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      return { issues: [{ message: 'expected an object of fields, e.g. { "email": "ada@example.com" }', path: [] }] }
    }
    const issues: StandardSchemaV1.Issue[] = []
    let out = value as Record<string, unknown>
    for (const { name, path, rule, pattern } of entries) {
      const raw = readField(value, name)
      const field = fromText(rule.type, raw)
      const message = checkField(rule, field, pattern)
      if (message !== undefined) issues.push({ message, path })
      else if (field !== raw) out = writeField(out, path, field)
    }
    return issues.length > 0 ? { issues } : { value: out }
  }
  return {
    '~standard': { version: 1, vendor: 'flowkit', validate },
    [SOURCE]: fields,
  }
}

/** The field rules a schema was compiled from, or undefined for any other schema. */
export const fieldsOf = (schema: unknown): Readonly<Record<string, FieldRule>> | undefined =>
  typeof schema === 'object' && schema !== null && SOURCE in schema ? (schema as FieldSchema)[SOURCE] : undefined
