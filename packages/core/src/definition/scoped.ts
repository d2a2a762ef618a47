import { merged } from '../kernel/scope'
import { frozen, isPlainObject } from '../plain'
import type { ScopeLevel, StepDef } from '../types'

type Obj = Record<string, unknown>

/** The value at one level below `outer`, or what it starts from. */
const below = (outer: unknown, level: ScopeLevel): unknown => {
  const value = Array.isArray(outer) ? outer[level.key as number] : isPlainObject(outer) ? outer[level.key as string] : undefined
  const base = level.base(outer as Obj)
  if (Array.isArray(base)) return Array.isArray(value) ? value : base
  if (!isPlainObject(value)) return base
  for (const _ in base) return { ...base, ...value }
  return value
}

/**
 * The fields of a step of a sub-flow or repeat that place it in the flow's state: its `scope` (the
 * levels down to the child's data, outermost first), the `view` of that data its guards and actions
 * see, and the `merge` of its contribution there (copying only the objects on the way: a repeat's
 * array is copied by reference, its items are shared). Only `composeWorkflow` ships this walk.
 */
export const scoped = (levels: readonly ScopeLevel[]): Required<Pick<StepDef<any>, 'scope' | 'view' | 'merge'>> => {
  const view = (state: object): object => {
    let inner: unknown = state
    for (const level of levels) inner = below(inner, level)
    return frozen(inner as Obj)
  }
  const put = (outer: unknown, patch: Readonly<Obj>, depth = 0): unknown => {
    if (depth === levels.length) return merged(outer as Obj, patch)
    const level = levels[depth] as ScopeLevel
    const inner = put(below(outer, level), patch, depth + 1)
    if (Array.isArray(outer)) {
      const copy = [...outer]
      copy[level.key as number] = inner
      return frozen(copy)
    }
    return frozen({ ...(outer as Obj), [level.key]: inner })
  }
  return { scope: levels, view, merge: put as (state: object, patch: Readonly<Obj>) => object }
}
