import { cleanPrototype, frozen } from '../plain'
import type { StepDef } from '../types'

type Obj = Record<string, unknown>

/**
 * What a step sees of the flow's state: for a step of a sub-flow or repeat, the child's own data
 * (`state.billing`, `state.dependants[2]`) over the values it starts from (the `view` `composeWorkflow`
 * gave it); the flow's state itself for other steps.
 */
export const viewOf = (step: Pick<StepDef<any>, 'view'>, state: object): object => (step.view ? step.view(state) : state)

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
 * sub-flow or repeat, into the child's data at its place (the `merge` `composeWorkflow` gave it).
 * The same object when nothing changes.
 */
export const mergeAt = (step: Pick<StepDef<any>, 'merge'>, state: object, patch: Readonly<Obj>): object => {
  if (step.merge) return step.merge(state, patch)
  for (const _ in patch) return merged(state, patch)
  // An empty patch shares the state as it is: a step that contributes nothing costs nothing, whatever the state's size.
  return state
}
