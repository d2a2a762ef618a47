import type { z } from 'zod'
import { ChoiceSchema, ComparisonSchema, conditionKeys, FieldRuleSchema, FlowFileSchema, StepSchema } from './format'
import { didYouMean, type FlowProblem, toPointer } from './problems'

type Issue = z.core.$ZodIssue
type Path = readonly PropertyKey[]

const keysOf = (schema: { shape: object }) => Object.keys(schema.shape)
const CONDITION_KEYS = [...keysOf(ComparisonSchema), ...conditionKeys.slice(1)]

/** The keys a strict object at `path` accepts, for did-you-mean hints. */
const knownKeysAt = (path: Path): string[] => {
  const [a, , c, , e] = path
  if (path.length === 0) return keysOf(FlowFileSchema)
  if (a !== 'steps') return []
  if (path.length === 2) return keysOf(StepSchema)
  if (c === 'fields' && path.length === 4) return keysOf(FieldRuleSchema)
  if (c === 'next' && path.length === 4) return keysOf(ChoiceSchema)
  if (c === 'skip' || e === 'when' || path.includes('when')) return CONDITION_KEYS
  return []
}

const valueAt = (root: unknown, path: Path): { found: boolean; value: unknown } => {
  let value = root
  for (const key of path) {
    if (typeof value !== 'object' || value === null || !Object.hasOwn(value, key as string)) return { found: false, value: undefined }
    value = (value as Record<PropertyKey, unknown>)[key]
  }
  return { found: true, value }
}

const kindOf = (value: unknown) => {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'an array'
  if (typeof value === 'object') return 'an object'
  if (typeof value === 'string') return `the string ${JSON.stringify(value.slice(0, 40))}`
  return typeof value === 'function' || typeof value === 'symbol' ? `a ${typeof value}` : `the ${typeof value} ${String(value)}`
}

const isConditionPath = (path: Path) => {
  const last = path.at(-1)
  const before = path.at(-2)
  return last === 'when' || last === 'skip' || last === 'not' || before === 'all' || before === 'any'
}

/** Whether a union branch failed only because the value has the wrong type or lacks the branch's own key. */
const mismatch = (issues: readonly Issue[], root: unknown, base: Path) =>
  issues.some(
    (i) =>
      (i.code === 'invalid_type' && (i.path.length === 0 || !valueAt(root, [...base, ...i.path]).found)) ||
      (i.code === 'unrecognized_keys' && i.path.length === 0),
  )

/** Turns zod issues into problems with JSON pointers, picking the branch a union value was meant for. */
export const zodProblems = (issues: readonly Issue[], root: unknown, base: Path = []): FlowProblem[] =>
  issues.flatMap((issue) => problemsOf(issue, root, [...base, ...(issue.path as PropertyKey[])]))

const problemsOf = (issue: Issue, root: unknown, path: Path): FlowProblem[] => {
  const pointer = toPointer(path)
  const { found, value } = valueAt(root, path)
  switch (issue.code) {
    case 'invalid_union': {
      const meant = issue.errors.filter((branch) => !mismatch(branch, root, path))
      if (meant.length > 0) return zodProblems(meant[0] as Issue[], root, path)
      if (isConditionPath(path) && typeof value === 'object' && value !== null && !Array.isArray(value)) {
        const key = conditionKeys.find((k) => Object.hasOwn(value, k))
        const branch = key === undefined ? undefined : issue.errors[conditionKeys.indexOf(key)]
        if (branch) return zodProblems(branch, root, path)
        return [
          {
            code: 'INVALID_VALUE',
            pointer,
            message: `a condition needs one of the keys ${conditionKeys.join(', ')}; found ${Object.keys(value).join(', ') || 'none'}.`,
            hint: 'E.g. { "field": "plan", "eq": "family" }, { "all": [...] }, { "not": {...} } or { "guard": "name" }.',
          },
        ]
      }
      const expected = [...new Set(issue.errors.flatMap((b) => b.filter((i) => i.code === 'invalid_type').map((i) => i.expected)))]
      return [typeProblem(pointer, found, value, expected.join(' or ') || 'another form', path)]
    }
    case 'invalid_type':
      return [typeProblem(pointer, found, value, issue.expected, path)]
    case 'unrecognized_keys':
      return issue.keys.map((key) => {
        const hint = didYouMean(key, knownKeysAt(path))
        return {
          code: 'UNKNOWN_KEY',
          pointer: toPointer([...path, key]),
          message: `unknown key '${key}'.`,
          hint: hint || `Allowed here: ${knownKeysAt(path).join(', ') || 'none'}.`,
        }
      })
    case 'invalid_key':
      return [
        {
          code: 'INVALID_VALUE',
          pointer,
          message: `the key '${String(path.at(-1))}' is not allowed: ${issue.issues.map((i) => i.message).join('; ')}.`,
        },
      ]
    default:
      return [{ code: 'INVALID_VALUE', pointer, message: `'${String(path.at(-1) ?? 'the file')}' ${friendly(issue)}.` }]
  }
}

const friendly = (issue: Issue): string => {
  if (issue.code === 'invalid_value') return `must be one of: ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`
  if (issue.code === 'too_small' && issue.origin === 'array')
    return `needs at least ${issue.minimum === 1 ? 'one item' : `${issue.minimum} items`}`
  if (issue.code === 'too_small' && issue.origin === 'string') return `must not be empty`
  if (issue.code === 'too_big' && issue.origin === 'string') return `is longer than ${issue.maximum} characters`
  if (issue.code === 'custom') return `is invalid: ${issue.message}`
  return `is invalid: ${issue.message.replace(/^Invalid input: /, '')}`
}

const typeProblem = (pointer: string, found: boolean, value: unknown, expected: string, path: Path): FlowProblem => {
  const name = String(path.at(-1) ?? 'the file')
  if (!found)
    return {
      code: 'MISSING_KEY',
      pointer,
      message: `'${name}' is missing; it must be ${expected === 'object' ? 'an object' : `a ${expected}`}.`,
    }
  return {
    code: 'INVALID_TYPE',
    pointer,
    message:
      `${path.length === 0 ? 'the file' : `'${name}'`} must be ${expected === 'object' ? 'an object' : expected === 'array' ? 'an array' : `a ${expected}`}, not ${kindOf(value)}.`.slice(
        0,
        300,
      ),
  }
}
