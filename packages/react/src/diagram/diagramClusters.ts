import type { WorkflowDefinition, WorkflowGraph } from '@flowkit/core'
import { groupsOf, summaryOf } from '../stepGroup'

/** A box drawn around a sub-flow's steps, or around a repeat's item steps (drawn once, as item 0's). */
export interface DiagramCluster {
  readonly id: string
  readonly title: string
  readonly kind: 'flow' | 'repeat'
  /** The enclosing cluster, for nested sub-flows. */
  readonly parent?: string
  /** The steps directly inside it. */
  readonly members: readonly string[]
}

/** Where a step is drawn: a repeat's items after the first are not (item 0 stands for each item). */
const drawn = (definition: WorkflowDefinition, step: string) => groupsOf(definition, step).every((g) => g.kind !== 'repeat' || g.item === 0)

const EACH = 'each item'

/**
 * A composed flow's graph as drawn: one copy of a repeat's steps (item 0's), the summary's edge into
 * them labelled "each item", and a cluster per sub-flow and repeat, nested as they are. A flow without
 * groups comes back as it is, with no clusters.
 */
export const clusterGraph = (
  definition: WorkflowDefinition,
  graph: WorkflowGraph,
): { readonly graph: WorkflowGraph; readonly clusters: readonly DiagramCluster[] } => {
  if (!graph.nodes.some((n) => groupsOf(definition, n.id).length > 0)) return { graph, clusters: [] }
  const nodes = graph.nodes.filter((n) => drawn(definition, n.id))
  const kept = new Set(nodes.map((n) => n.id))
  const edges = graph.edges
    .filter((e) => kept.has(e.from) && kept.has(e.to))
    .map((e) => (summaryOf(definition, e.from) && groupsOf(definition, e.to).some((g) => g.step === e.from) ? { ...e, label: EACH } : e))
  const clusters = new Map<string, { id: string; title: string; kind: 'flow' | 'repeat'; parent?: string; members: string[] }>()
  for (const node of nodes) {
    let parent: string | undefined
    for (const g of groupsOf(definition, node.id)) {
      const id = `cluster:${g.step}${g.kind === 'repeat' ? '.*' : ''}`
      if (!clusters.has(id)) {
        const title = g.kind === 'repeat' ? `${g.title} (${EACH})` : g.title
        clusters.set(id, { id, title, kind: g.kind, ...(parent ? { parent } : {}), members: [] })
      }
      parent = id
    }
    if (parent) clusters.get(parent)?.members.push(node.id)
  }
  return { graph: { ...graph, nodes, edges }, clusters: [...clusters.values()] }
}
