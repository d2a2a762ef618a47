import { checkField, patternOf } from '../fieldSchema'
import type { FieldRule } from '../format'

/** Why no value passes `rule`, or undefined when some value does (or it cannot be told: patterns are not solved). */
export const unsatisfiable = (rule: FieldRule): string | undefined => {
  if (!rule.required) return undefined
  let pattern: RegExp | undefined
  try {
    pattern = rule.pattern === undefined ? undefined : patternOf(rule.pattern)
  } catch {
    return 'its pattern is not a valid regular expression'
  }
  if (rule.enum) {
    return rule.enum.some((value) => checkField(rule, value, pattern) === undefined)
      ? undefined
      : 'none of its enum values passes its other rules'
  }
  if (rule.minLength !== undefined && rule.maxLength !== undefined && rule.minLength > rule.maxLength)
    return `minLength ${rule.minLength} is more than maxLength ${rule.maxLength}`
  if (rule.min !== undefined && rule.max !== undefined) {
    if (rule.min > rule.max) return `min ${rule.min} is more than max ${rule.max}`
    if (rule.type === 'integer' && Math.ceil(rule.min) > Math.floor(rule.max)) return `no integer lies between ${rule.min} and ${rule.max}`
  }
  if (rule.type === 'boolean' && (rule.minLength !== undefined || rule.pattern !== undefined)) return undefined
  if (rule.type === 'string' && rule.maxLength === 0) return 'a required string with maxLength 0 can only be empty, which required refuses'
  return undefined
}
