import { type GuardContext, WorkflowError } from '@flowkit/core'
import type { Comparison, Condition } from './format'

/** A custom guard an app registers by name, for conditions that data cannot express: `{ "guard": "isReturningCustomer" }`. */
export type Guard = (ctx: GuardContext<any>) => boolean

/** Marks compiled guards and schemas with the data they came from, so diagrams and analysis can read it. `Symbol.for` survives duplicate copies of this package. */
export const SOURCE: unique symbol = Symbol.for('@flowkit/tools/source') as never

/** A guard function compiled from a declarative condition; the condition stays readable on it. */
export type CompiledCondition = ((ctx: GuardContext<any>) => boolean) & { readonly [SOURCE]: Condition }

/** Reads a dotted path (`'address.country'`) from the state, own properties only. */
export const readField = (state: unknown, path: string): unknown => {
  let value: unknown = state
  for (const key of path.split('.')) {
    if (typeof value !== 'object' || value === null || !Object.hasOwn(value, key)) return undefined
    value = (value as Record<string, unknown>)[key]
  }
  return value
}

const isSet = (value: unknown) => value !== undefined && value !== null && value !== ''

const compare = (c: Comparison, value: unknown): boolean => {
  if (c.eq !== undefined) return value === c.eq
  if (c.ne !== undefined) return value !== c.ne
  if (c.in !== undefined) return c.in.includes(value as never)
  if (c.exists !== undefined) return isSet(value) === c.exists
  if (typeof value !== 'number') return false
  if (c.gt !== undefined) return value > c.gt
  if (c.gte !== undefined) return value >= c.gte
  if (c.lt !== undefined) return value < c.lt
  if (c.lte !== undefined) return value <= c.lte
  return false
}

/**
 * Whether a condition holds for a state. Named guards are looked up in `guards`; one that is missing
 * throws (the engine reports it as `GUARD_FAILED` on the snapshot).
 * @example
 * evaluateCondition({ field: 'plan', eq: 'family' }, { state: { plan: 'family' }, step: 'plan' }) // true
 */
export const evaluateCondition = (condition: Condition, ctx: GuardContext<any>, guards: Readonly<Record<string, Guard>> = {}): boolean => {
  if ('field' in condition) return compare(condition, readField(ctx.state, condition.field))
  if ('all' in condition) return condition.all.every((c) => evaluateCondition(c, ctx, guards))
  if ('any' in condition) return condition.any.some((c) => evaluateCondition(c, ctx, guards))
  if ('not' in condition) return !evaluateCondition(condition.not, ctx, guards)
  const guard = Object.hasOwn(guards, condition.guard) ? guards[condition.guard] : undefined
  if (!guard) {
    throw new WorkflowError(
      'UNKNOWN_GUARD',
      `guard '${condition.guard}' is not in the registry passed to loadWorkflow; add it to registry.guards.`,
      { category: 'definition', details: { guard: condition.guard } },
    )
  }
  return guard(ctx) === true
}

const show = (value: unknown) => JSON.stringify(value)

/**
 * A condition in words, for diagram labels and messages: `plan is "family" and age ≥ 18`.
 * @example
 * describeCondition({ any: [{ field: 'method', eq: 'card' }, { guard: 'isVip' }] }) // 'method is "card" or isVip'
 */
export const describeCondition = (condition: Condition): string => {
  if ('field' in condition) {
    const { field: f } = condition
    if (condition.eq !== undefined) return `${f} is ${show(condition.eq)}`
    if (condition.ne !== undefined) return `${f} is not ${show(condition.ne)}`
    if (condition.in !== undefined) return `${f} is one of ${condition.in.map(show).join(', ')}`
    if (condition.exists !== undefined) return condition.exists ? `${f} is set` : `${f} is not set`
    if (condition.gt !== undefined) return `${f} > ${condition.gt}`
    if (condition.gte !== undefined) return `${f} ≥ ${condition.gte}`
    if (condition.lt !== undefined) return `${f} < ${condition.lt}`
    return `${f} ≤ ${condition.lte}`
  }
  const group = (c: Condition) => ('all' in c || 'any' in c ? `(${describeCondition(c)})` : describeCondition(c))
  if ('all' in condition) return condition.all.map(group).join(' and ')
  if ('any' in condition) return condition.any.map(group).join(' or ')
  if ('not' in condition) return `not ${group(condition.not)}`
  return condition.guard
}

/**
 * Compiles a condition into a guard for `next` choices and `skip`. The result carries the condition,
 * so `toMermaid` can label it and `analyzeWorkflow` can reason about it.
 * @example
 * const isFamily = compileCondition({ field: 'plan', eq: 'family' })
 * isFamily({ state: { plan: 'family' }, step: 'plan' }) // true
 */
export const compileCondition = (condition: Condition, guards: Readonly<Record<string, Guard>> = {}): CompiledCondition => {
  const fn = (ctx: GuardContext<any>) => evaluateCondition(condition, ctx, guards)
  return Object.defineProperty(fn, SOURCE, { value: condition }) as CompiledCondition
}

/** The condition a guard was compiled from, or undefined for a guard written in code. */
export const conditionOf = (guard: unknown): Condition | undefined =>
  typeof guard === 'function' && SOURCE in guard ? ((guard as CompiledCondition)[SOURCE] as Condition) : undefined
