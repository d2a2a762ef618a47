import type { PlacedCluster } from './layoutGraph'

/** A sub-flow's or repeat's box, with its title in its top left corner. */
export function DiagramCluster({ cluster }: { readonly cluster: PlacedCluster }) {
  const left = cluster.x - cluster.width / 2
  const top = cluster.y - cluster.height / 2
  return (
    <g className="flowkit-cluster" data-group={cluster.id.slice('cluster:'.length)} data-kind={cluster.kind} aria-label={cluster.title}>
      <rect
        x={left}
        y={top}
        width={cluster.width}
        height={cluster.height}
        rx={8}
        fill="currentColor"
        fillOpacity={0.03}
        stroke="currentColor"
        strokeOpacity={0.45}
        strokeDasharray={cluster.kind === 'repeat' ? '6 3' : undefined}
      />
      <text x={left + 10} y={top + 16} fill="currentColor" fontSize={12} fontWeight={600}>
        {cluster.title}
      </text>
    </g>
  )
}
