import type { WorkflowDefinition } from '@flowkit/core'
import { escapeMermaid } from './escapeMermaid'
import { checkMermaidOptions } from './mermaidOptions'
import { type GraphOptions, type NodeStatus, toGraph } from './toGraph'

export interface MermaidOptions extends GraphOptions {
  /** Layout direction: top-down or left-right. @default 'TD' */
  readonly direction?: 'TD' | 'LR'
}

const STYLES: Record<NodeStatus | 'skippable', string> = {
  visited: 'fill:#dbeafe,stroke:#2563eb,color:#1e3a8a',
  current: 'fill:#2563eb,stroke:#1e3a8a,stroke-width:3px,color:#ffffff',
  skipped: 'fill:#f3f4f6,stroke:#9ca3af,stroke-dasharray:4 3,color:#6b7280',
  unvisited: 'fill:#ffffff,stroke:#d1d5db,color:#6b7280',
  skippable: 'stroke-dasharray:4 3',
}

/**
 * A Mermaid flowchart of a definition. Guarded choices carry their labels; final steps are rounded;
 * steps with a `skip` have a dashed border. With `trace` (a run's `snapshot.log`) the path taken is
 * drawn bold, skipped steps greyed and dashed, the current step filled. All user text is escaped, and
 * the options are checked: a bad one throws a WorkflowError `INVALID_OPTION` naming it and the allowed values.
 * @example
 * console.log(toMermaid(checkout, { trace: flow.getSnapshot().log }))
 */
export const toMermaid = <S extends object, K extends string>(
  definition: WorkflowDefinition<S, K>,
  options: MermaidOptions = {},
): string => {
  checkMermaidOptions(options)
  const graph = toGraph(definition, options)
  const key = new Map(graph.nodes.map((node, i) => [node.id, `s${i}`]))
  const lines = [`flowchart ${options.direction ?? 'TD'}`, `  start((" ")) --> ${key.get(graph.initial)}`]
  for (const node of graph.nodes) {
    const label = escapeMermaid(node.label) || escapeMermaid(node.id)
    lines.push(node.final ? `  ${key.get(node.id)}(["${label}"])` : `  ${key.get(node.id)}["${label}"]`)
  }
  const taken: number[] = []
  graph.edges.forEach((edge, i) => {
    const label = edge.label === undefined ? '' : escapeMermaid(edge.label)
    lines.push(`  ${key.get(edge.from)} -->${label ? `|${label}|` : ''} ${key.get(edge.to)}`)
    if (edge.taken) taken.push(i + 1) // link 0 is the start arrow
  })
  const classes = new Map<string, string[]>()
  for (const node of graph.nodes) {
    const name = node.status ?? (node.skippable ? 'skippable' : undefined)
    if (name) classes.set(name, [...(classes.get(name) ?? []), key.get(node.id) as string])
  }
  for (const [name, ids] of classes)
    lines.push(`  classDef ${name} ${STYLES[name as keyof typeof STYLES]}`, `  class ${ids.join(',')} ${name}`)
  if (graph.done !== undefined && graph.edges.length > 0) lines.push('  linkStyle default stroke:#d1d5db')
  if (taken.length > 0) lines.push(`  linkStyle ${[0, ...taken].join(',')} stroke:#2563eb,stroke-width:3px`)
  return `${lines.join('\n')}\n`
}
