import type { LogEntry, StepDef, WorkflowDefinition } from '@flowkit/core'
import { conditionOf, describeCondition } from '../conditions'
import { journeyOf } from './journeyOf'

type AnyStep = StepDef<any, string, any>

/** How a run relates to a step. */
export type NodeStatus = 'current' | 'visited' | 'skipped' | 'unvisited'

export interface GraphNode {
  readonly id: string
  /** The step's title, or its id. */
  readonly label: string
  readonly initial: boolean
  readonly final: boolean
  /** The step has a `skip` condition. */
  readonly skippable: boolean
  /** The skip condition in words, when it was declared as data. */
  readonly skipWhen?: string
  /** Fewest transitions from the initial step: a layer hint for layout libraries. Unreachable steps get -1. */
  readonly rank: number
  /** Set when a trace is given. */
  readonly status?: NodeStatus
}

/** `next`: a fixed successor; `guard`: a guarded choice; `fallback`: the choice without `when`; `target`: one of a `next` function's targets. */
export type EdgeKind = 'next' | 'guard' | 'fallback' | 'target'

export interface GraphEdge {
  /** Unique and stable for a definition: `from->to#index`. */
  readonly id: string
  readonly from: string
  readonly to: string
  readonly kind: EdgeKind
  /** The guard's label (`plan is "family"`), `otherwise` for a fallback; none for fixed successors and targets. */
  readonly label?: string
  /** Set when a trace is given: the run went along this edge on its current path. */
  readonly taken?: boolean
}

/** A definition as plain nodes and edges, ready for a layout library (dagre, elkjs) or a JSON export. */
export interface WorkflowGraph {
  readonly id: string
  readonly initial: string
  readonly nodes: readonly GraphNode[]
  readonly edges: readonly GraphEdge[]
  /** With a trace: whether the run finished. */
  readonly done?: boolean
}

export interface GraphOptions {
  /** The journey log of a run (`snapshot.log`): marks the path taken, skipped steps and the current step. */
  readonly trace?: readonly LogEntry[]
}

const edgesOf = (from: string, step: AnyStep): Omit<GraphEdge, 'id' | 'taken'>[] => {
  const { next } = step
  if (typeof next === 'string') return [{ from, to: next, kind: 'next' }]
  if (Array.isArray(next)) {
    return next.map((choice) => {
      if (!choice.when) return { from, to: choice.to, kind: 'fallback', label: choice.label ?? 'otherwise' }
      const condition = conditionOf(choice.when)
      const label = choice.label ?? (condition ? describeCondition(condition) : undefined)
      return { from, to: choice.to, kind: 'guard', ...(label === undefined ? {} : { label }) }
    })
  }
  return (step.targets ?? []).map((to) => ({ from, to, kind: 'target' as const }))
}

const ranks = (definition: { readonly initial: string }, edges: readonly { from: string; to: string }[]) => {
  const rank = new Map<string, number>([[definition.initial, 0]])
  const queue = [definition.initial]
  while (queue.length > 0) {
    const id = queue.shift() as string
    for (const edge of edges) {
      if (edge.from === id && !rank.has(edge.to)) {
        rank.set(edge.to, (rank.get(id) as number) + 1)
        queue.push(edge.to)
      }
    }
  }
  return rank
}

/**
 * The definition as a graph of nodes and edges with guard labels; with a trace, the run's path on it.
 * JSON-safe, so it can be saved, sent, or handed to a layout library.
 * @example
 * const { nodes, edges } = toGraph(checkout, { trace: flow.getSnapshot().log })
 */
export const toGraph = <S extends object, K extends string>(
  definition: WorkflowDefinition<S, K>,
  options: GraphOptions = {},
): WorkflowGraph => {
  const steps = definition.steps as Record<string, AnyStep>
  const raw = Object.entries(steps).flatMap(([id, step]) => edgesOf(id, step))
  const rank = ranks(definition, raw)
  const journey = options.trace ? journeyOf(options.trace) : undefined
  const takenPairs = new Set<string>()
  const statusOf = new Map<string, NodeStatus>()
  if (journey) {
    journey.path.forEach((entry, i) => {
      statusOf.set(entry.step, entry.skipped ? 'skipped' : 'visited')
      const before = journey.path[i - 1]
      if (before) takenPairs.add(`${before.step}\u0000${entry.step}`)
    })
    if (journey.current !== undefined && !journey.done) statusOf.set(journey.current, 'current')
  }
  const nodes = Object.entries(steps).map(([id, step]): GraphNode => {
    const skip = step.skip ? conditionOf(step.skip) : undefined
    return {
      id,
      label: step.title ?? id,
      initial: id === definition.initial,
      final: step.final === true,
      skippable: typeof step.skip === 'function',
      ...(skip ? { skipWhen: describeCondition(skip) } : {}),
      rank: rank.get(id) ?? -1,
      ...(journey ? { status: statusOf.get(id) ?? 'unvisited' } : {}),
    }
  })
  const edges = raw.map(
    (edge, i): GraphEdge => ({
      ...edge,
      id: `${edge.from}->${edge.to}#${i}`,
      ...(journey ? { taken: takenPairs.has(`${edge.from}\u0000${edge.to}`) } : {}),
    }),
  )
  return { id: definition.id, initial: definition.initial, nodes, edges, ...(journey ? { done: journey.done } : {}) }
}
