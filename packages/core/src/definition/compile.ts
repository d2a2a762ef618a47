import { shiftFor } from '../kernel/drafts'
import { toPlain } from '../plain'
import type { StepDef, WorkflowDefinition } from '../types'
import { WorkflowError } from '../WorkflowError'
import { checkDefinition } from './checkDefinition'
import { composedStep, isFlowStep } from './composed'
import { adjacencyOf, stepsToEnd } from './graph'

type AnyStep = StepDef<any, string, any>

/** What the engine precomputes once per definition. */
export interface Compiled {
  readonly ids: readonly string[]
  /** Each step's position in `ids`: the key of its draft. */
  readonly index: ReadonlyMap<string, number>
  /** The drafts trie's root shift for this many steps. */
  readonly shift: number
  /** The definition's initial state as a frozen copy: no action or instance can change it. */
  readonly state: object
  /** Fewest visible steps from a step to the end (see `stepsToEnd`), computed when first needed. */
  toEnd?: Map<string, number>
  /** Every step's successors (see `adjacencyOf`), computed when first needed. */
  adjacency?: Map<string, string[]>
  /**
   * For a step whose way on does not depend on the state (a fixed `next` to a step without `skip`),
   * how many steps follow it before one that does (or the end), and that step: the prediction of the
   * rest of the path jumps over such runs instead of walking them.
   */
  runs?: Map<string, { readonly count: number; readonly end: string }>
}

const compiled = new WeakMap<object, Compiled>()

/** Throws every problem `checkDefinition` finds, as one `WorkflowError` (category `'definition'`). */
export const assertDefinition = (definition: WorkflowDefinition): void => {
  const problems = checkDefinition(definition)
  const [first] = problems
  if (first) {
    const text = (p: (typeof problems)[number]) => p.message
    const name = typeof (definition as { id?: unknown })?.id === 'string' ? ` '${definition.id}'` : ''
    throw new WorkflowError(
      first.code,
      problems.length === 1
        ? text(first)
        : `workflow${name} has ${problems.length} problems:\n${problems.map((p) => `- ${text(p)}`).join('\n')}`,
      { category: 'definition', step: first.step, details: { problems } },
    )
  }
}

/** The precomputed facts of a definition, checking it (in development) the first time it is seen. */
export const compile = (definition: WorkflowDefinition): Compiled => {
  const known = compiled.get(definition)
  if (known) return known
  // Refused before the checks (and in production too): a composed flow must never run half laid out.
  const step = composedStep(definition)
  if (step !== undefined) {
    throw new WorkflowError(
      'INVALID_SUBFLOW',
      process.env.NODE_ENV !== 'production' &&
        `workflow '${definition.id}': step '${step}' is ${isFlowStep(definition.steps[step]) ? 'a sub-flow (`flow:`)' : 'a repeat (`repeat:`)'}, which only composeWorkflow lays out: define it with composeWorkflow({ ... }) — the same config — from '@flowkit/core'.`,
      { category: 'definition', step },
    )
  }
  if (process.env.NODE_ENV !== 'production') assertDefinition(definition)
  const ids = Object.keys(definition.steps)
  let state: object
  try {
    // The app's own initial state may be large: no size limit, but JSON values only, and frozen.
    state = toPlain(definition.state, 'the initial state', definition.initial, Number.POSITIVE_INFINITY)
  } catch (cause) {
    throw new WorkflowError(
      'INVALID_DEFINITION',
      process.env.NODE_ENV !== 'production' && `workflow '${definition.id}': ${(cause as Error).message}`,
      { category: 'definition', cause },
    )
  }
  const result: Compiled = { ids, index: new Map(ids.map((id, i) => [id, i])), shift: shiftFor(ids.length), state }
  compiled.set(definition, result)
  return result
}

export const adjacencyOfCompiled = (definition: WorkflowDefinition, c: Compiled): Map<string, string[]> => {
  c.adjacency ??= adjacencyOf(definition)
  return c.adjacency
}

export const toEndOf = (definition: WorkflowDefinition, c: Compiled): Map<string, number> => {
  c.toEnd ??= stepsToEnd(definition)
  return c.toEnd
}

/** See `Compiled.runs`. Iterative, in reverse order of each chain, so long chains cost linear time and no stack. */
export const runsOf = (definition: WorkflowDefinition, c: Compiled): NonNullable<Compiled['runs']> => {
  if (c.runs) return c.runs
  const steps = definition.steps as Record<string, AnyStep>
  const runs: NonNullable<Compiled['runs']> = new Map()
  const fixed = (id: string) => {
    const step = steps[id] as AnyStep
    return !step.final && typeof step.next === 'string' && !steps[step.next]?.skip
  }
  for (const start of c.ids) {
    if (runs.has(start) || !fixed(start)) continue
    const chain: string[] = []
    const onChain = new Set<string>()
    let id = start
    while (fixed(id) && !runs.has(id) && !onChain.has(id)) {
      chain.push(id)
      onChain.add(id)
      id = steps[id]?.next as string
    }
    // A loop of fixed steps never reaches a step that decides: leave it to the capped walk.
    if (onChain.has(id)) continue
    let { count, end } = runs.get(id) ?? { count: 0, end: id }
    for (let i = chain.length - 1; i >= 0; i--) {
      count++
      runs.set(chain[i] as string, { count, end })
    }
  }
  c.runs = runs
  return runs
}
