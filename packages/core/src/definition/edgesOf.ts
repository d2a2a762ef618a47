import { isPlainObject } from '../plain'
import type { GuardContext, StepDef, WorkflowDefinition } from '../types'
import type { Add, Ref } from './checkDefinition'

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

/**
 * The rules of a `next` that is not final's absence: its kind is one of the three, and every step it
 * names exists. Beside `edgesOf`, so that a new kind of `next` is one change here (and one in
 * `chooseNext`, which evaluates it).
 */
export const checkNext = (id: string, step: AnyStep, add: Add, ref: Ref) => {
  const { next } = step
  const at = `step '${id}'`
  const path = ['steps', id, 'next']
  if (typeof next === 'string') return ref(next, `${at} names next step`, path)
  if (typeof next === 'function') {
    if (!Array.isArray(step.targets) || step.targets.length === 0) {
      return add(
        'MISSING_TARGETS',
        `${at} chooses its next step with a function but declares no \`targets\`; list the steps it may return, e.g. targets: ['a', 'b'].`,
        ['steps', id, 'targets'],
      )
    }
    for (const [i, target] of step.targets.entries()) ref(target, `${at} lists in \`targets\` step`, ['steps', id, 'targets', i])
    return
  }
  if (!Array.isArray(next) || next.length === 0) {
    return add('INVALID_DEFINITION', `${at} has a \`next\` that is neither a step id, a function nor a list of { to, when } choices.`, path)
  }
  let fallbacks = 0
  for (const [i, choice] of next.entries()) {
    const where = [...path, i]
    if (!isPlainObject(choice)) {
      add('INVALID_DEFINITION', `${at}: choice #${i + 1} must be an object { to, when }.`, where)
      continue
    }
    ref(choice.to, `${at}: choice #${i + 1} goes to step`, [...where, 'to'])
    if (choice.when === undefined) fallbacks++
    else if (typeof choice.when !== 'function')
      add('INVALID_DEFINITION', `${at}: choice #${i + 1} has a \`when\` that is not a function.`, [...where, 'when'])
  }
  if (fallbacks > 1) add('INVALID_DEFINITION', `${at} has ${fallbacks} choices without \`when\`; keep one fallback.`, path)
}
