import type { LogEntry, WorkflowDefinition } from '@flowkit/core'
import { type NodeStatus, toGraph, type WorkflowGraph } from '@flowkit/core'
import { useContext, useId, useMemo } from 'react'
import { useStore } from 'zustand'
import { fail } from '../fail'
import { WorkflowContext } from '../WorkflowContext'
import { DiagramCluster } from './DiagramCluster'
import { DiagramEdge } from './DiagramEdge'
import { clusterGraph } from './diagramClusters'
import { describeTraffic, type EdgeTraffic, formatCount, loadsOf, type TrafficWidth, undrawnTraffic } from './edgeTraffic'
import { type LayoutOptions, layoutGraph } from './layoutGraph'

export interface WorkflowDiagramProps extends LayoutOptions {
  /** The flow to draw. @default the definition of the nearest `<WorkflowProvider>` */
  readonly definition?: WorkflowDefinition<any, any>
  /**
   * A run's journey log (`snapshot.log`) to highlight: the path taken, skipped steps, the current step.
   * @default the live log of the nearest `<WorkflowProvider>`, if any
   */
  readonly trace?: readonly LogEntry[] | null
  /**
   * How many journeys took each transition (e.g. an insights aggregate's `edges`): each edge's width grows
   * with its count (square-root scale, see `trafficWidth`), its label shows the count, an edge nobody took
   * is dashed, and the diagram's accessible description lists every transition with its count. Memoize it:
   * a new array lays the diagram out again (the labels' room depends on the counts).
   * @default none: edges are drawn by the run alone
   * @example
   * <WorkflowDiagram definition={checkout} trace={null} traffic={[{ from: 'cart', to: 'shipping', count: 1234 }]} />
   */
  readonly traffic?: readonly EdgeTraffic[]
  /** The stroke widths traffic is drawn with. @default { min: 1.5, max: 10 } */
  readonly trafficWidth?: TrafficWidth
  /** How a count is written in the labels and the description. @default `1234` → `1,234` */
  readonly formatCount?: (count: number) => string
  /** The diagram's accessible name. @default 'Diagram of the <id> flow' */
  readonly title?: string
  readonly className?: string
}

const EMPTY: readonly LogEntry[] = []
const statusText: Record<NodeStatus, string> = { current: 'current', visited: 'visited', skipped: 'skipped', unvisited: 'not visited' }

/**
 * Draws a flow as an SVG graph laid out by dagre: steps, fixed and guarded transitions with their
 * labels; with a run, the path taken in bold, skipped steps dashed and the current step filled.
 * Unstyled: every node and edge has `data-status` / `data-taken` and a class for CSS; the defaults use
 * `currentColor`. Inside a `<WorkflowProvider>` it follows the live run. With `traffic`, each edge's width
 * and label show how many journeys took it (`data-count` on the edge). Sub-flows and repeats are boxes
 * (`flowkit-cluster`, `data-group`) titled by their step; a repeat's steps are drawn once, entered by an
 * edge labelled "each item".
 * @example
 * <WorkflowProvider workflow={workflow}><WorkflowDiagram direction="LR" /></WorkflowProvider>
 */
export function WorkflowDiagram({
  definition: given,
  trace: givenTrace,
  traffic,
  trafficWidth,
  formatCount: format = formatCount,
  title,
  className,
  direction = 'TB',
}: WorkflowDiagramProps) {
  const context = useContext(WorkflowContext)
  const store = context?.workflow.store
  const liveLog = useStore(store ?? NO_STORE, (s) => (s as { log?: readonly LogEntry[] }).log ?? EMPTY)
  const definition = given ?? context?.workflow.definition
  const trace = givenTrace === null ? undefined : (givenTrace ?? (store ? liveLog : undefined))
  const clustered = useMemo(() => definition && clusterGraph(definition, toGraph(definition)), [definition])
  const plain = clustered?.graph
  const { min, max } = trafficWidth ?? {}
  const loads = useMemo(() => plain && traffic && loadsOf(plain.edges, traffic, { min, max }), [plain, traffic, min, max])
  // The layout depends on the definition (and the counts' labels) only; a new step in the run only restyles it.
  const layout = useMemo(
    () => plain && layoutGraph(loads ? withCounts(plain, loads, format) : plain, { direction }, clustered?.clusters),
    [plain, clustered, loads, format, direction],
  )
  const graph = useMemo(
    () => definition && clusterGraph(definition, toGraph(definition, trace ? { trace } : {})).graph,
    [definition, trace],
  )
  const id = useId()
  if (!definition || !layout || !graph) {
    return fail(
      'NO_PROVIDER',
      process.env.NODE_ENV !== 'production' && '<WorkflowDiagram> needs a `definition` prop, or a <WorkflowProvider> around it.',
    )
  }
  const status = new Map(graph.nodes.map((n) => [n.id, n.status]))
  const taken = new Map(graph.edges.map((e) => [e.id, e.taken]))
  const arrow = `${id}-arrow`
  const current = graph.nodes.find((n) => n.status === 'current')
  const name = title ?? `Diagram of the ${definition.id} flow${current ? `, now at ${current.label}` : ''}`
  const guard = new Map(graph.edges.map((e) => [e.id, e.label]))
  const description = loads && traffic && describeTraffic(graph.nodes, graph.edges, loads, undrawnTraffic(graph.edges, traffic), format)
  return (
    <svg
      role="img"
      aria-label={name}
      aria-describedby={description ? `${id}-traffic` : undefined}
      className={className}
      viewBox={`0 0 ${Math.ceil(layout.width)} ${Math.ceil(layout.height)}`}
      width={Math.ceil(layout.width)}
      height={Math.ceil(layout.height)}
      fontFamily="system-ui, sans-serif"
      fontSize={13}
    >
      <defs>
        <marker
          id={arrow}
          viewBox="0 0 10 10"
          refX="9"
          refY="5"
          markerUnits="userSpaceOnUse"
          markerWidth="9"
          markerHeight="9"
          orient="auto-start-reverse"
        >
          <path d="M 0 0 L 10 5 L 0 10 z" fill="currentColor" />
        </marker>
      </defs>
      {description && <desc id={`${id}-traffic`}>{description}</desc>}
      {layout.clusters.map((cluster) => (
        <DiagramCluster key={cluster.id} cluster={cluster} />
      ))}
      {layout.edges.map((edge) => (
        <DiagramEdge
          key={edge.id}
          edge={edge}
          guard={guard.get(edge.id)}
          arrow={arrow}
          taken={trace ? Boolean(taken.get(edge.id)) : undefined}
          load={loads?.get(edge.id)}
          format={format}
        />
      ))}
      {layout.nodes.map((node) => {
        const state = status.get(node.id)
        const final = graph.nodes.find((n) => n.id === node.id)?.final
        return (
          <g
            key={node.id}
            className="flowkit-node"
            data-step={node.id}
            data-status={state}
            aria-label={state ? `${node.label}: ${statusText[state]}` : node.label}
          >
            <rect
              x={node.x - node.width / 2}
              y={node.y - node.height / 2}
              width={node.width}
              height={node.height}
              rx={final ? 18 : 6}
              fill="currentColor"
              fillOpacity={state === 'current' ? 0.18 : 0.04}
              stroke="currentColor"
              strokeWidth={state === 'current' || state === 'visited' ? 2 : 1}
              strokeDasharray={state === 'skipped' ? '4 3' : undefined}
              strokeOpacity={state === 'skipped' || state === 'unvisited' ? 0.55 : 1}
            />
            <text
              x={node.x}
              y={node.y}
              textAnchor="middle"
              dominantBaseline="central"
              fill="currentColor"
              fillOpacity={state === 'skipped' ? 0.6 : 1}
              textDecoration={state === 'skipped' ? 'line-through' : undefined}
              fontWeight={state === 'current' ? 600 : 400}
            >
              {node.label}
            </text>
          </g>
        )
      })}
    </svg>
  )
}

/** The graph with each edge's label holding its count too, so the layout leaves room for it. */
const withCounts = (
  graph: WorkflowGraph,
  loads: ReadonlyMap<string, { count: number }>,
  format: (count: number) => string,
): WorkflowGraph => ({
  ...graph,
  edges: graph.edges.map((edge) => {
    const count = format(loads.get(edge.id)?.count ?? 0)
    return { ...edge, label: edge.label ? `${edge.label} · ${count}` : count }
  }),
})

/** A store that never changes, so the hook order stays the same outside a provider. */
const NO_STORE = {
  getState: () => ({}),
  getInitialState: () => ({}),
  setState: () => {},
  subscribe: () => () => {},
} as unknown as import('zustand').StoreApi<unknown>
