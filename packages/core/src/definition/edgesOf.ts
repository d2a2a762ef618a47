import type { GuardContext, StepDef, WorkflowDefinition } from '../types'

/** How an edge leaves its step: a fixed `next`, a guarded choice, the choice without `when`, or one of a `next` function's `targets`. */
export type EdgeKind = 'next' | 'guard' | 'fallback' | 'target'

/** One way out of a step. */
export interface Edge<S = any, K extends string = string> {
  readonly from: K
  readonly to: K
  readonly kind: EdgeKind
  /** The choice's label (`'plan is family'`); `'otherwise'` for a fallback without one. */
  readonly label?: string
  /** The guard of a guarded choice. */
  readonly when?: (ctx: GuardContext<S, K>) => boolean
  /** Position among the step's edges (the choice's index). */
  readonly index: number
}

type AnyStep = StepDef<any, string, any>

/**
 * Every way out of `step`, as declared: the one place that reads `next`. Checks, graph searches,
 * diagrams and analysis all go through it. A final step has none.
 * @example
 * edgesOf(checkout, 'payment') // [{ from: 'payment', to: 'company', kind: 'guard', label: 'pays by invoice', … }, …]
 */
export const edgesOf = <S extends object, K extends string>(definition: WorkflowDefinition<S, K>, step: K): Edge<S, K>[] => {
  const def = (definition.steps as Record<string, AnyStep>)[step]
  const next = def?.next
  if (!def || def.final || next === undefined) return []
  if (typeof next === 'string') return [{ from: step, to: next as K, kind: 'next', index: 0 }]
  if (Array.isArray(next)) {
    return next.map((choice, index) => {
      if (!choice.when) return { from: step, to: choice.to as K, kind: 'fallback', label: choice.label ?? 'otherwise', index }
      const edge: Edge<S, K> = { from: step, to: choice.to as K, kind: 'guard', when: choice.when, index }
      return choice.label === undefined ? edge : { ...edge, label: choice.label }
    })
  }
  return ((Array.isArray(def.targets) ? def.targets : []) as K[]).map((to, index) => ({ from: step, to, kind: 'target', index }))
}

/** The steps `step` can lead to, each once. */
export const targetsOf = (definition: WorkflowDefinition, step: string): string[] => [
  ...new Set(edgesOf(definition, step).map((e) => e.to)),
]
