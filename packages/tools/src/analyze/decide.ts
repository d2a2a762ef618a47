import type { WorkflowDefinition } from '@flowkit/core'
import { evaluateCondition } from '../conditions'
import { fieldsOf } from '../fieldSchema'
import type { Condition } from '../format'

/** Past this many combinations of field values, a question is left undecided rather than slow. */
const MAX_COMBINATIONS = 20_000
const OTHER = '\u0000another value'

/** The fields a condition reads, or undefined when it calls a custom guard (code cannot be decided). */
export const fieldsRead = (condition: Condition, out = new Set<string>()): Set<string> | undefined => {
  if ('field' in condition) return out.add(condition.field)
  if ('guard' in condition) return undefined
  if ('not' in condition) return fieldsRead(condition.not, out)
  for (const c of 'all' in condition ? condition.all : condition.any) if (!fieldsRead(c, out)) return undefined
  return out
}

const constants = (condition: Condition, field: string, out: unknown[]) => {
  if ('field' in condition) {
    if (condition.field !== field) return
    for (const v of [condition.eq, condition.ne, condition.gt, condition.gte, condition.lt, condition.lte, ...(condition.in ?? [])]) {
      if (v !== undefined) out.push(v)
    }
  } else if ('not' in condition) constants(condition.not, field, out)
  else if ('all' in condition || 'any' in condition)
    for (const c of 'all' in condition ? condition.all : condition.any) constants(c, field, out)
}

/**
 * The values that decide every comparison on `field`: each constant, numbers around and between them,
 * unset values and a value equal to none. Comparisons only tell these regions apart, so checking one
 * value per region decides the question for every possible value.
 */
const candidates = (field: string, conditions: readonly Condition[], allowed: readonly unknown[] | undefined): unknown[] => {
  if (allowed) return [...allowed]
  const found: unknown[] = []
  for (const c of conditions) constants(c, field, found)
  const numbers = [...new Set(found.filter((v): v is number => typeof v === 'number'))].sort((a, b) => a - b)
  const around = numbers.flatMap((n, i) => [n - 1, n, n + 1, ...(i > 0 ? [((numbers[i - 1] as number) + n) / 2] : [])])
  return [...new Set([...found, ...around, undefined, null, '', OTHER, true, false, 0])]
}

/** The values each state field may hold according to the definition's declared field rules (`enum`, `boolean`), by path. */
export const declaredDomains = (definition: WorkflowDefinition): Map<string, readonly unknown[]> => {
  const domains = new Map<string, readonly unknown[]>()
  for (const step of Object.values(definition.steps)) {
    // A sub-flow's fields live at the step's place in the state (core's `scope`: a key, a repeat item's key and index), as the parent reads them.
    const scope = (step.scope ?? []).map((level) => `${level.key}.`).join('')
    for (const [name, rule] of Object.entries(fieldsOf(step.validate) ?? {})) {
      const values = rule.enum ?? (rule.type === 'boolean' ? [true, false] : undefined)
      if (values) domains.set(`${scope}${name}`, rule.required ? values : [...values, undefined])
    }
  }
  return domains
}

const assign = (state: Record<string, unknown>, path: string, value: unknown) => {
  const keys = path.split('.')
  let target = state
  for (const key of keys.slice(0, -1)) {
    if (typeof target[key] !== 'object' || target[key] === null) target[key] = {}
    target = target[key] as Record<string, unknown>
  }
  if (value !== undefined) target[keys.at(-1) as string] = value
}

/** A state that the conditions were evaluated on, readable in messages: `plan = "x", age = 17`. */
export type Witness = Readonly<Record<string, unknown>>

export const showWitness = (witness: Witness): string =>
  Object.entries(witness)
    .map(([field, value]) => `${field} ${value === undefined ? 'unset' : `= ${value === OTHER ? 'another value' : JSON.stringify(value)}`}`)
    .join(', ') || 'any state'

/**
 * Evaluates `conditions` on one value per region of every field they read, calling `visit` with the
 * truth of each; `visit` returns true to stop. Returns false when undecidable (custom guards, too many fields).
 */
export const decide = (
  conditions: readonly Condition[],
  domains: ReadonlyMap<string, readonly unknown[]>,
  visit: (holds: readonly boolean[], witness: Witness) => boolean | void,
): boolean => {
  const fields = new Set<string>()
  for (const c of conditions) if (!fieldsRead(c, fields)) return false
  const names = [...fields]
  const values = names.map((f) => candidates(f, conditions, domains.get(f)))
  if (values.reduce((n, v) => n * v.length, 1) > MAX_COMBINATIONS) return false
  const index = names.map(() => 0)
  for (;;) {
    const state: Record<string, unknown> = {}
    const witness: Record<string, unknown> = {}
    names.forEach((f, i) => {
      const value = values[i]?.[index[i] as number]
      assign(state, f, value)
      witness[f] = value
    })
    const holds = conditions.map((c) => evaluateCondition(c, { state, step: '' }))
    if (visit(holds, witness)) return true
    // Advance the mixed-radix counter of value indexes; it wraps around after the last combination.
    let i = 0
    for (; i < names.length; i++) {
      index[i] = (index[i] as number) + 1
      if ((index[i] as number) < (values[i] as unknown[]).length) break
      index[i] = 0
    }
    if (i === names.length) return true
  }
}
