import { type GraphCluster, groupedGraph, type WorkflowDefinition, type WorkflowGraph } from '@flowkit/core'
import { escapeMermaid } from './escapeMermaid'
import { edgeLine, nodeLine, styleLines } from './mermaidLines'

/**
 * `toMermaid`'s drawing: core's grouped graph, a subgraph per cluster (none for a flow without groups). A cluster's
 * steps come together in the graph's order, so walking them opens and closes each subgraph once.
 */
export const groupedMermaid = (definition: WorkflowDefinition, plain: WorkflowGraph, direction: string): string => {
  const graph = groupedGraph(definition, plain)
  const drawn = graph.nodes.map((node, i) => ({ node, key: `s${i}` }))
  const key = new Map(drawn.map((d) => [d.node.id, d.key]))
  const byId = new Map(graph.clusters.map((c) => [c.id, c]))
  const lines = [`flowchart ${direction}`, `  start((" ")) --> ${key.get(graph.initial)}`]
  const indent = (depth: number) => '  '.repeat(depth + 1)
  let open: GraphCluster[] = []
  let boxes = 0
  for (const { node, key } of drawn) {
    const chain: GraphCluster[] = []
    for (let c = byId.get(node.cluster as string); c; c = byId.get(c.parent as string)) chain.unshift(c)
    let kept = 0
    while (kept < open.length && open[kept] === chain[kept]) kept++
    for (let depth = open.length - 1; depth >= kept; depth--) lines.push(`${indent(depth)}end`)
    for (let depth = kept; depth < chain.length; depth++)
      lines.push(`${indent(depth)}subgraph g${boxes++}["${escapeMermaid((chain[depth] as GraphCluster).title)}"]`)
    open = chain
    lines.push(nodeLine(node, key, indent(chain.length)))
  }
  for (let depth = open.length - 1; depth >= 0; depth--) lines.push(`${indent(depth)}end`)
  const taken: number[] = []
  graph.edges.forEach((edge, i) => {
    lines.push(edgeLine(key.get(edge.from) as string, key.get(edge.to) as string, edge.label))
    if (edge.taken) taken.push(i + 1) // link 0 is the start arrow
  })
  lines.push(...styleLines(drawn, graph.done, graph.edges.length, taken))
  return `${lines.join('\n')}\n`
}
