import type { GraphNode, NodeStatus, StepDef, WorkflowDefinition, WorkflowGraph } from '@flowkit/core'
import { firstItemOf } from '../firstItemOf'
import { escapeMermaid } from './escapeMermaid'
import { edgeLine, nodeLine, styleLines } from './mermaidLines'

type AnyStep = StepDef<any, string, any>
type Group = NonNullable<AnyStep['groups']>[number]

/** A subgraph: one sub-flow, or one repeat's item, holding step ids and nested subgraphs in layout order. */
interface Box {
  readonly title: string
  readonly items: (string | Box)[]
}

const RANK: Record<NodeStatus, number> = { unvisited: 0, skipped: 1, visited: 2, current: 3 }

const titleOf = (group: Group, steps: Record<string, AnyStep>): string => {
  const summary = steps[group.step]?.summary
  return group.kind === 'repeat' && summary ? `${group.title} (each item, ${summary.min}–${summary.max})` : group.title
}

/** The drawn steps (item 0 of each repeat), each with the strongest status of any item's copy of it. */
const drawnNodes = (graph: WorkflowGraph, first: (id: string) => string) => {
  const status = new Map<string, NodeStatus>()
  for (const node of graph.nodes) {
    const at = first(node.id)
    const was = status.get(at)
    if (node.status && (!was || RANK[node.status] > RANK[was])) status.set(at, node.status)
  }
  return graph.nodes
    .filter((node) => first(node.id) === node.id)
    .map((node, i) => ({ node: node.status ? ({ ...node, status: status.get(node.id) } as GraphNode) : node, key: `s${i}` }))
}

/** The subgraph tree: steps of a sub-flow or repeat item inside their group's box, outermost first. */
const boxesOf = (ids: readonly string[], steps: Record<string, AnyStep>): Box => {
  const root: Box = { title: '', items: [] }
  const boxes = new Map<string, Box>()
  for (const id of ids) {
    let parent = root
    for (const group of steps[id]?.groups ?? []) {
      let box = boxes.get(group.step)
      if (!box) {
        box = { title: titleOf(group, steps), items: [] }
        boxes.set(group.step, box)
        parent.items.push(box)
      }
      parent = box
    }
    parent.items.push(id)
  }
  return root
}

/** The edges between drawn steps: an item's copies merged into item 0's, a summary's edges named by what they do. */
const edgesOf = (graph: WorkflowGraph, steps: Record<string, AnyStep>, first: (id: string) => string) => {
  const edges: { from: string; to: string; label: string | undefined; taken: boolean }[] = []
  const seen = new Map<string, number>()
  for (const edge of graph.edges) {
    const summary = steps[edge.from]?.summary
    const entries = summary ? summary.slots.map((_, i) => summary.entry(i)) : []
    const label = !summary ? edge.label : entries.includes(edge.to) ? 'add, change' : edge.to === edge.from ? 'remove' : 'continue'
    const from = first(edge.from)
    const to = first(edge.to)
    const key = `${from}\u0000${to}\u0000${label ?? ''}`
    const at = seen.get(key)
    if (at === undefined) {
      seen.set(key, edges.length)
      edges.push({ from, to, label, taken: edge.taken === true })
    } else if (edge.taken) (edges[at] as { taken: boolean }).taken = true
  }
  return edges
}

/** `toMermaid` for a flow with sub-flows or repeats: subgraphs per group, one item per repeat. */
export const groupedMermaid = (definition: WorkflowDefinition, graph: WorkflowGraph, direction: string): string => {
  const steps = definition.steps as Record<string, AnyStep>
  const first = firstItemOf(definition)
  const drawn = drawnNodes(graph, first)
  const key = new Map(drawn.map((d) => [d.node.id, d.key]))
  const byId = new Map(drawn.map((d) => [d.node.id, d.node]))
  const lines = [`flowchart ${direction}`, `  start((" ")) --> ${key.get(first(graph.initial))}`]
  let boxes = 0
  const emit = (box: Box, indent: string) => {
    for (const item of box.items) {
      if (typeof item === 'string') lines.push(nodeLine(byId.get(item) as GraphNode, key.get(item) as string, indent))
      else {
        lines.push(`${indent}subgraph g${boxes++}["${escapeMermaid(item.title)}"]`)
        emit(item, `${indent}  `)
        lines.push(`${indent}end`)
      }
    }
  }
  emit(boxesOf([...byId.keys()], steps), '  ')
  const edges = edgesOf(graph, steps, first)
  const taken: number[] = []
  edges.forEach((edge, i) => {
    lines.push(edgeLine(key.get(edge.from) as string, key.get(edge.to) as string, edge.label))
    if (edge.taken) taken.push(i + 1) // link 0 is the start arrow
  })
  lines.push(...styleLines(drawn, graph.done, edges.length, taken))
  return `${lines.join('\n')}\n`
}
