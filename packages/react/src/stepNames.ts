import type { WorkflowDefinition } from '@flowkit/core'
import { cached } from './cached'
import { groupsOf } from './stepGroup'

/**
 * The keys a step answers to in `<WorkflowSteps steps>` and `<WorkflowStep name>`, most specific first:
 * 1. its id: `'dependants.1.age'`, `'billing.street'`;
 * 2. its id with every repeat item as `*`: `'dependants.*.age'`;
 * 3. its innermost child flow's id and its own id there: `'dependant.age'`, `'address.street'` (every place that flow is used);
 * 4. its groups, innermost first: a sub-flow's step (`'billing'`), a repeat's items (`'dependants.*'`).
 */
export type StepKey<K extends string> = K | WildId<K> | Prefixes<WildId<K>>

/** A step id with its repeat items as `*`: `dependants.${number}.age` → `dependants.*.age`. */
export type WildId<T extends string> = T extends `${infer P}.${number}.${infer C}` ? `${P}.*.${WildId<C>}` : T

/** The dotted prefixes of an id: `a.*.b.c` → `a` | `a.*` | `a.*.b`. */
type Prefixes<T extends string, Acc extends string = ''> = T extends `${infer H}.${infer R}`
  ? (Acc extends '' ? H : `${Acc}.${H}`) | Prefixes<R, Acc extends '' ? H : `${Acc}.${H}`>
  : never

const namesBy = new WeakMap<object, Map<string, readonly string[]>>()

const computeNames = (definition: WorkflowDefinition, step: string): readonly string[] => {
  const groups = groupsOf(definition, step)
  if (groups.length === 0) return [step]
  const parts = step.split('.')
  for (const g of groups) if (g.kind === 'repeat') parts[g.step.split('.').length] = '*'
  const wild = (id: string) => parts.slice(0, id.split('.').length).join('.')
  const inner = groups[groups.length - 1] as (typeof groups)[number]
  const names = [step, wild(step), `${inner.flow}.${inner.local}`]
  for (let i = groups.length - 1; i >= 0; i--) {
    const g = groups[i] as (typeof groups)[number]
    names.push(g.kind === 'repeat' ? `${wild(g.step)}.*` : wild(g.step))
  }
  return [...new Set(names)]
}

/** The names of `step`, most specific first (see `StepKey`). Computed once per definition and step. */
export const stepNames = (definition: WorkflowDefinition, step: string): readonly string[] =>
  cached(
    cached(namesBy, definition, () => new Map()),
    step,
    () => computeNames(definition, step),
  )

/** The entry of `map` for `step`: its most specific name that `map` has. */
export const pickFor = <T>(map: Readonly<Record<string, T | undefined>>, definition: WorkflowDefinition, step: string): T | undefined => {
  for (const name of stepNames(definition, step)) {
    if (Object.hasOwn(map, name) && map[name] !== undefined) return map[name]
  }
  return undefined
}

const allNames = new WeakMap<object, ReadonlySet<string>>()

/** Every name some step of the definition answers to. */
export const namesOf = (definition: WorkflowDefinition): ReadonlySet<string> =>
  cached(allNames, definition, () => new Set(Object.keys(definition.steps).flatMap((step) => stepNames(definition, step))))
