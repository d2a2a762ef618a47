import type { RepeatSummary, StepDef, WorkflowDefinition } from '../types'
import { firstItemOf } from './firstItemOf'
import { stepTitle } from './stepTitle'
import { type GraphEdge, type GraphNode, type NodeStatus, toGraph, type WorkflowGraph } from './toGraph'

/** A box drawn around a sub-flow's steps, or around a repeat's item steps (drawn once, standing for each item). */
export interface GraphCluster {
  /** The sub-flow's step (`'shipping'`); for a repeat, its summary step and `.*` (`'dependants.*'`), the summary being a node. */
  readonly id: string
  readonly kind: 'flow' | 'repeat'
  /** The including step's title; a repeat's tells it stands for each item, and the bounds: `'Dependants (each item, 0–6)'`. */
  readonly title: string
  /** The enclosing cluster, for a sub-flow inside a sub-flow or inside a repeat's item. */
  readonly parent?: string
  /** The drawn steps directly inside it, in the definition's order. */
  readonly members: readonly string[]
}

/** A drawn step of a grouped graph. Its `label` is the step's title alone: the clusters around it name the rest. */
export interface GroupedNode extends GraphNode {
  /** The innermost cluster it is drawn in; absent for the flow's own steps. */
  readonly cluster?: string
  /** The label after its clusters' titles, for text without the boxes (a description, a tooltip): `'Dependants: Name'`. */
  readonly qualifiedLabel: string
}

/** A definition as drawn with its sub-flows and repeats as clusters, each repeat's item steps once. */
export interface GroupedGraph extends WorkflowGraph {
  readonly nodes: readonly GroupedNode[]
  /** Outermost first, a parent before its children; none for a flow without sub-flows or repeats. */
  readonly clusters: readonly GraphCluster[]
}

type Steps = Readonly<Record<string, StepDef<any, string, any> | undefined>>

/** Statuses from weakest to strongest. */
const RANK: readonly (NodeStatus | undefined)[] = [undefined, 'unvisited', 'skipped', 'visited', 'current']

/** A summary's edges named by what the summary's input does: into an item, back to itself, or on past the repeat. */
const summaryLabel = (summary: RepeatSummary, from: string, to: string) =>
  summary.slots.some((_, i) => summary.entry(i) === to) ? 'add, change' : to === from ? 'remove' : 'continue'

/** The clusters a drawn step is in, made the first time one of their steps comes; its innermost cluster's id. */
const clusterOf = (steps: Steps, step: string, clusters: Map<string, GraphCluster & { members: string[] }>) => {
  let parent: string | undefined
  for (const group of steps[step]?.groups ?? []) {
    const id = group.kind === 'repeat' ? `${group.step}.*` : group.step
    if (!clusters.has(id)) {
      const summary = group.kind === 'repeat' ? steps[group.step]?.summary : undefined
      const title = summary ? `${group.title} (each item, ${summary.min}–${summary.max})` : group.title
      clusters.set(id, { id, kind: group.kind, title, ...(parent ? { parent } : {}), members: [] })
    }
    parent = id
  }
  if (parent) clusters.get(parent)?.members.push(step)
  return parent
}

/** The drawn steps (item 0 of each repeat), each with the strongest status of any item's copy of it, and their clusters. */
const drawnNodes = (steps: Steps, graph: WorkflowGraph, first: (id: string) => string) => {
  const status = new Map<string, NodeStatus>()
  for (const node of graph.nodes) {
    const at = first(node.id)
    if (RANK.indexOf(node.status) > RANK.indexOf(status.get(at))) status.set(at, node.status as NodeStatus)
  }
  const clusters = new Map<string, GraphCluster & { members: string[] }>()
  const nodes = graph.nodes
    .filter((node) => first(node.id) === node.id)
    .map((node): GroupedNode => {
      const label = stepTitle({ steps }, node.id)
      const cluster = clusterOf(steps, node.id, clusters)
      // Repeat items unnumbered: the drawn item stands for each.
      const qualifiedLabel = [...(steps[node.id]?.groups ?? []).map((g) => g.title), label].join(': ')
      return { ...node, label, qualifiedLabel, ...(cluster ? { cluster } : {}), ...(node.status ? { status: status.get(node.id) } : {}) }
    })
  return { nodes, clusters: [...clusters.values()] }
}

/** The edges between drawn steps: other items' copies merged into item 0's (taken when any copy was), a summary's named. */
const drawnEdges = (steps: Steps, graph: WorkflowGraph, first: (id: string) => string): GraphEdge[] => {
  const edges: GraphEdge[] = []
  const at = new Map<string, number>()
  for (const edge of graph.edges) {
    const summary = steps[edge.from]?.summary
    const from = first(edge.from)
    const to = first(edge.to)
    const drawn = summary ? { ...edge, from, to, label: summaryLabel(summary, edge.from, edge.to) } : { ...edge, from, to }
    const key = `${from}\u0000${to}\u0000${drawn.label}`
    const seen = at.get(key)
    // Item 0's steps come before the other items' in a composed flow, so a copy finds its original drawn.
    if (seen === undefined || (from === edge.from && to === edge.to)) at.set(key, edges.push(drawn) - 1)
    else if (edge.taken) edges[seen] = { ...(edges[seen] as GraphEdge), taken: true }
  }
  return edges
}

/**
 * A graph `toGraph` made of `definition` as a diagram draws it: a cluster per sub-flow and repeat (nested as they
 * are), a repeat's item steps once (item 0's, standing for each item: other items' statuses and taken edges marked
 * on it), and the summary's edges labelled `add, change`, `remove` and `continue`. Node labels are step titles, the
 * clusters naming the rest (`qualifiedLabel` has both). A flow without sub-flows or repeats comes back as it is,
 * with no clusters. Plain data, like `toGraph`: the React diagram and `toMermaid` both draw it.
 * @example
 * const { nodes, edges, clusters } = groupedGraph(household, toGraph(household, { trace: flow.getSnapshot().log }))
 */
export const groupedGraph = <S extends object, K extends string>(
  definition: WorkflowDefinition<S, K>,
  graph: WorkflowGraph = toGraph(definition),
): GroupedGraph => {
  const steps = definition.steps as Steps
  const first = firstItemOf(definition)
  return { ...graph, initial: first(graph.initial), ...drawnNodes(steps, graph, first), edges: drawnEdges(steps, graph, first) }
}
