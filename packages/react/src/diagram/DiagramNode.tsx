import type { NodeStatus } from '@flowkit/core'
import type { PlacedNode } from './layoutGraph'

const statusText: Record<NodeStatus, string> = { current: 'current', visited: 'visited', skipped: 'skipped', unvisited: 'not visited' }

interface DiagramNodeProps {
  readonly node: PlacedNode
  /** Set when the diagram has a run to show. */
  readonly status: NodeStatus | undefined
  readonly final: boolean
}

/** One step: a box (rounder for a final step) and its label; the current step filled, a skipped one dashed and struck through. */
export function DiagramNode({ node, status, final }: DiagramNodeProps) {
  return (
    <g
      className="flowkit-node"
      data-step={node.id}
      data-status={status}
      aria-label={status ? `${node.label}: ${statusText[status]}` : node.label}
    >
      <rect
        x={node.x - node.width / 2}
        y={node.y - node.height / 2}
        width={node.width}
        height={node.height}
        rx={final ? 18 : 6}
        fill="currentColor"
        fillOpacity={status === 'current' ? 0.18 : 0.04}
        stroke="currentColor"
        strokeWidth={status === 'current' || status === 'visited' ? 2 : 1}
        strokeDasharray={status === 'skipped' ? '4 3' : undefined}
        strokeOpacity={status === 'skipped' || status === 'unvisited' ? 0.55 : 1}
      />
      <text
        x={node.x}
        y={node.y}
        textAnchor="middle"
        dominantBaseline="central"
        fill="currentColor"
        fillOpacity={status === 'skipped' ? 0.6 : 1}
        textDecoration={status === 'skipped' ? 'line-through' : undefined}
        fontWeight={status === 'current' ? 600 : 400}
      >
        {node.label}
      </text>
    </g>
  )
}
