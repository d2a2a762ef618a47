import type { GraphEdge, GraphNode, NodeStatus } from '@flowkit/core'
import { escapeMermaid } from './escapeMermaid'

const STYLES: Record<NodeStatus | 'skippable', string> = {
  visited: 'fill:#dbeafe,stroke:#2563eb,color:#1e3a8a',
  current: 'fill:#2563eb,stroke:#1e3a8a,stroke-width:3px,color:#ffffff',
  skipped: 'fill:#f3f4f6,stroke:#9ca3af,stroke-dasharray:4 3,color:#6b7280',
  unvisited: 'fill:#ffffff,stroke:#d1d5db,color:#6b7280',
  skippable: 'stroke-dasharray:4 3',
}

/** `s0["Cart"]`, or `s6(["Confirmation"])` for a final step. */
export const nodeLine = (node: GraphNode, key: string, indent = '  '): string => {
  const label = escapeMermaid(node.label) || escapeMermaid(node.id)
  return node.final ? `${indent}${key}(["${label}"])` : `${indent}${key}["${label}"]`
}

/** `s3 -->|card| s5` */
export const edgeLine = (from: string, to: string, label: string | undefined): string => {
  const text = label === undefined ? '' : escapeMermaid(label)
  return `  ${from} -->${text ? `|${text}|` : ''} ${to}`
}

/** The class and link styles: node statuses (or skippable), greyed links when done, bold links taken (`taken` are link numbers, 1-based). */
export const styleLines = (
  nodes: readonly { readonly node: GraphNode; readonly key: string }[],
  done: boolean | undefined,
  edges: number,
  taken: readonly number[],
): string[] => {
  const lines: string[] = []
  const classes = new Map<string, string[]>()
  for (const { node, key } of nodes) {
    const name = node.status ?? (node.skippable ? 'skippable' : undefined)
    if (name) classes.set(name, [...(classes.get(name) ?? []), key])
  }
  for (const [name, ids] of classes)
    lines.push(`  classDef ${name} ${STYLES[name as keyof typeof STYLES]}`, `  class ${ids.join(',')} ${name}`)
  if (done !== undefined && edges > 0) lines.push('  linkStyle default stroke:#d1d5db')
  if (taken.length > 0) lines.push(`  linkStyle ${[0, ...taken].join(',')} stroke:#2563eb,stroke-width:3px`)
  return lines
}

export type { GraphEdge }
