import type { LogEntry, StepGroup, WorkflowDefinition } from '../types'
import { type EdgeKind, edgesOf } from './edgesOf'
import { distancesFrom } from './graph'
import { journeyOf } from './journeyOf'
import { qualifiedStepTitle } from './stepTitle'

/** How a run relates to a step. */
export type NodeStatus = 'current' | 'visited' | 'skipped' | 'unvisited'

export interface GraphNode {
  readonly id: string
  /** The step's title (or its id) after its sub-flows' and numbered repeat items' titles: `'Dependants 2: Name'` (`qualifiedStepTitle`). */
  readonly label: string
  readonly initial: boolean
  readonly final: boolean
  /** The step has a `skip` condition. */
  readonly skippable: boolean
  /** The skip condition in words, when `describe` can tell it. */
  readonly skipWhen?: string
  /** Fewest transitions from the initial step: a layer hint for layout libraries. Unreachable steps get -1. */
  readonly rank: number
  /** Set when a trace is given. */
  readonly status?: NodeStatus
  /** The sub-flows and repeat items the step was laid out from, outermost first (absent for the flow's own steps). */
  readonly groups?: readonly StepGroup[]
}

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
  /** Words for a guard or skip function without a label (flow files describe their declared conditions). */
  readonly describe?: (guard: (...args: never[]) => unknown) => string | undefined
}

/**
 * The definition as a graph of nodes and edges (from `edgesOf`) with guard labels; with a trace, the
 * run's path on it. JSON-safe, so it can be saved, sent, or handed to a layout library.
 * @example
 * const { nodes, edges } = toGraph(checkout, { trace: flow.getSnapshot().log })
 */
export const toGraph = <S extends object, K extends string>(
  definition: WorkflowDefinition<S, K>,
  options: GraphOptions = {},
): WorkflowGraph => {
  const def = definition as WorkflowDefinition
  const ids = Object.keys(def.steps)
  const rank = distancesFrom(def)
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
  const nodes = ids.map((id): GraphNode => {
    const step = def.steps[id] as NonNullable<WorkflowDefinition['steps'][string]>
    const skipWhen = step.skip ? options.describe?.(step.skip) : undefined
    return {
      id,
      label: qualifiedStepTitle(def, id),
      initial: id === def.initial,
      final: step.final === true,
      skippable: typeof step.skip === 'function',
      ...(skipWhen === undefined ? {} : { skipWhen }),
      rank: rank.get(id) ?? -1,
      ...(journey ? { status: statusOf.get(id) ?? 'unvisited' } : {}),
      ...(step.groups && step.groups.length > 0 ? { groups: step.groups } : {}),
    }
  })
  const edges = ids
    .flatMap((id) => edgesOf(def, id))
    .map((edge, i): GraphEdge => {
      const label = edge.label ?? (edge.when ? options.describe?.(edge.when) : undefined)
      return {
        id: `${edge.from}->${edge.to}#${i}`,
        from: edge.from,
        to: edge.to,
        kind: edge.kind,
        ...(label === undefined ? {} : { label }),
        ...(journey ? { taken: takenPairs.has(`${edge.from}\u0000${edge.to}`) } : {}),
      }
    })
  return { id: def.id, initial: def.initial, nodes, edges, ...(journey ? { done: journey.done } : {}) }
}
