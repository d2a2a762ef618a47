import type { EdgeLoad } from './edgeTraffic'
import type { PlacedEdge } from './layoutGraph'

interface DiagramEdgeProps {
  readonly edge: PlacedEdge
  /** The guard's label alone (with traffic, `edge.label` also holds the count, for the layout's room). */
  readonly guard: string | undefined
  readonly arrow: string
  /** Set when the diagram has a trace. */
  readonly taken: boolean | undefined
  /** Set when the diagram has traffic. */
  readonly load: EdgeLoad | undefined
  readonly format: (count: number) => string
}

/** One transition: its polyline, arrowhead and label; with traffic, a width by its count and the count in the label. */
export function DiagramEdge({ edge, guard, arrow, taken, load, format }: DiagramEdgeProps) {
  const faint = (taken === false && !load) || load?.count === 0
  return (
    <g
      className="flowkit-edge"
      data-edge={edge.id}
      data-taken={taken === undefined ? undefined : String(taken)}
      data-count={load ? load.count : undefined}
    >
      <polyline
        points={edge.points.map((p) => `${p.x},${p.y}`).join(' ')}
        fill="none"
        stroke="currentColor"
        strokeWidth={load ? load.width : taken ? 2.5 : 1}
        strokeOpacity={faint ? 0.45 : load ? 0.7 : 1}
        strokeDasharray={load?.count === 0 ? '4 3' : undefined}
        strokeLinejoin={load ? 'round' : undefined}
        markerEnd={`url(#${arrow})`}
      />
      {edge.labelAt &&
        (load ? (
          <text
            className="flowkit-edge-label"
            x={edge.labelAt.x}
            y={edge.labelAt.y}
            textAnchor="middle"
            dominantBaseline="middle"
            fontSize={11}
            fill="currentColor"
            // A halo in the page's background, so the count reads over a wide line (attributes, so CSS can restyle it).
            paintOrder="stroke"
            stroke="Canvas"
            strokeWidth={4}
            strokeLinejoin="round"
          >
            {guard && `${guard} · `}
            <tspan fontWeight={600}>{format(load.count)}</tspan>
          </text>
        ) : (
          edge.label && (
            <text x={edge.labelAt.x} y={edge.labelAt.y} textAnchor="middle" dominantBaseline="middle" fontSize={11} fill="currentColor">
              {edge.label}
            </text>
          )
        ))}
    </g>
  )
}
