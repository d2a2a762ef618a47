import { Graph, layout } from '@dagrejs/dagre'
import type { GraphCluster, WorkflowGraph } from '@flowkit/core'

/** A laid-out node: its centre, size and label. */
export interface PlacedNode {
  readonly id: string
  readonly label: string
  readonly x: number
  readonly y: number
  readonly width: number
  readonly height: number
}

/** A laid-out edge: the points of its polyline and where its label sits. */
export interface PlacedEdge {
  readonly id: string
  readonly from: string
  readonly to: string
  readonly label?: string
  readonly points: readonly { readonly x: number; readonly y: number }[]
  readonly labelAt?: { readonly x: number; readonly y: number }
}

/** A laid-out cluster (a sub-flow or repeat): its box's centre and size, and its title. */
export interface PlacedCluster {
  /** `cluster:` and the grouped graph's cluster id (`'cluster:shipping'`, `'cluster:dependants.*'`). */
  readonly id: string
  readonly title: string
  readonly kind: GraphCluster['kind']
  readonly x: number
  readonly y: number
  readonly width: number
  readonly height: number
}

export interface Layout {
  readonly width: number
  readonly height: number
  readonly nodes: readonly PlacedNode[]
  readonly edges: readonly PlacedEdge[]
  /** Boxes around sub-flows and repeats, outermost first; none for a flow without them. */
  readonly clusters: readonly PlacedCluster[]
}

export interface LayoutOptions {
  /** `TB`: top to bottom; `LR`: left to right. @default 'TB' */
  readonly direction?: 'TB' | 'LR'
}

/** Text width in px at the default 13px sans-serif, without measuring (works in SSR and tests). */
const textWidth = (text: string) => Math.ceil(text.length * 7.2)

/** A cluster's node in dagre: prefixed, so it cannot meet a step's id. */
const boxId = (id: string) => `cluster:${id}`

/** Lays out a workflow graph with dagre (layered, like Graphviz's dot), with `clusters` (core's `groupedGraph`) as boxes. Depends only on the definition. */
export const layoutGraph = (
  graph: WorkflowGraph,
  { direction = 'TB' }: LayoutOptions = {},
  clusters: readonly GraphCluster[] = [],
): Layout => {
  const compound = clusters.length > 0
  const g = new Graph({ multigraph: true, compound })
  // Clusters' titles sit above their boxes: leave room for the outermost one's.
  g.setGraph({ rankdir: direction, nodesep: 28, ranksep: 44, edgesep: 12, marginx: 8, marginy: compound ? 26 : 8 })
  g.setDefaultEdgeLabel(() => ({}))
  for (const node of graph.nodes) g.setNode(node.id, { width: textWidth(node.label) + 28, height: 36 })
  for (const cluster of clusters) g.setNode(boxId(cluster.id), { paddingTop: 24, paddingBottom: 12, paddingLeft: 12, paddingRight: 12 })
  for (const cluster of clusters) {
    if (cluster.parent) g.setParent(boxId(cluster.id), boxId(cluster.parent))
    for (const member of cluster.members) g.setParent(member, boxId(cluster.id))
  }
  for (const edge of graph.edges) {
    g.setEdge(edge.from, edge.to, edge.label ? { width: textWidth(edge.label) + 8, height: 18, labelpos: 'c' } : {}, edge.id)
  }
  layout(g)
  const nodes = graph.nodes.map((node): PlacedNode => {
    const placed = g.node(node.id)
    return { id: node.id, label: node.label, x: placed.x, y: placed.y, width: placed.width, height: placed.height }
  })
  const edges = graph.edges.map((edge): PlacedEdge => {
    const placed = g.edge({ v: edge.from, w: edge.to, name: edge.id })
    const labelAt = edge.label && placed.x !== undefined && placed.y !== undefined ? { x: placed.x, y: placed.y } : undefined
    return { id: edge.id, from: edge.from, to: edge.to, label: edge.label, points: placed.points ?? [], ...(labelAt ? { labelAt } : {}) }
  })
  const placedClusters = clusters.map((cluster): PlacedCluster => {
    const { x, y, width, height } = g.node(boxId(cluster.id))
    return { id: boxId(cluster.id), title: cluster.title, kind: cluster.kind, x, y, width, height }
  })
  const { width = 0, height = 0 } = g.graph()
  return { width, height, nodes, edges, clusters: placedClusters }
}
