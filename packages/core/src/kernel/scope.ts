import { cleanPrototype, frozen, isPlainObject } from '../plain'
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
 * What a step of a sub-flow or repeat sees of the flow's state: the child's own data (`state.billing`,
 * `state.dependants[2]`), over the values it starts from. The flow's state itself for other steps.
 */
export const viewOf = (step: StepDef<any, string, any>, state: object): object => {
  const { scope } = step
  if (!scope) return state
  let view: unknown = state
  for (const level of scope) view = below(view, level)
  return frozen(view as Obj)
}

/**
 * `{ ...a, ...b }`, frozen, for plain data (what `toPlain` makes: no `__proto__` key, no symbols). Assigned key by
 * key: V8 spreads frozen objects (every state and patch is one) through a slow path, and this runs on every move.
 * Own keys only, as a spread: what a polluted Object.prototype shows to `for…in` is not copied.
 */
export const merged = (a: object, b: object): Readonly<Obj> => {
  const out: Obj = {}
  // Each key is checked to be own only if Object.prototype shows some to for…in (see `cleanPrototype`).
  const own = cleanPrototype()
  for (const key in a) if (own || Object.hasOwn(a, key)) out[key] = (a as Obj)[key]
  for (const key in b) if (own || Object.hasOwn(b, key)) out[key] = (b as Obj)[key]
  return frozen(out)
}

/**
 * The state after a step's contribution: merged shallowly into the flow's state, or, for a step of a
 * sub-flow or repeat, into the child's data at its place (copying only the objects on the way there:
 * a repeat's array is copied by reference, its items are shared). The same object when nothing changes.
 */
export const mergeAt = (step: StepDef<any, string, any>, state: object, patch: Readonly<Obj>): object => {
  const { scope } = step
  if (!scope) {
    for (const _ in patch) return merged(state, patch)
    // An empty patch shares the state as it is: a step that contributes nothing costs nothing, whatever the state's size.
    return state
  }
  const put = (outer: unknown, depth: number): unknown => {
    if (depth === scope.length) return merged(outer as Obj, patch)
    const level = scope[depth] as ScopeLevel
    const inner = put(below(outer, level), depth + 1)
    if (Array.isArray(outer)) {
      const copy = [...outer]
      copy[level.key as number] = inner
      return frozen(copy)
    }
    return frozen({ ...(outer as Obj), [level.key]: inner })
  }
  return put(state, 0) as object
}
