import type { LogEntry, WorkflowDefinition } from '@flowkit/core'
import { useId } from 'react'
import { fail } from '../fail'
import { DiagramArrow } from './DiagramArrow'
import { DiagramCluster } from './DiagramCluster'
import { DiagramEdge } from './DiagramEdge'
import { DiagramNode } from './DiagramNode'
import { describeTraffic, type EdgeTraffic, formatCount, type TrafficWidth, undrawnTraffic } from './edgeTraffic'
import type { LayoutOptions } from './layoutGraph'
import { useDiagram } from './useDiagram'

export interface WorkflowDiagramProps extends LayoutOptions {
  /** The flow to draw. @default the definition of the nearest `<WorkflowProvider>` */
  readonly definition?: WorkflowDefinition<any, any>
  /**
   * A run's journey log (`snapshot.log`) to highlight: the path taken, skipped steps, the current step.
   * @default the live log of the nearest `<WorkflowProvider>`, if any: its workflow records one when
   * created with `log: journeyLog()` (without it the diagram draws the flow with nothing highlighted)
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

/**
 * Draws a flow as an SVG graph laid out by dagre: steps, fixed and guarded transitions with their
 * labels; with a run, the path taken in bold, skipped steps dashed and the current step filled.
 * Unstyled: every node and edge has `data-status` / `data-taken` and a class for CSS; the defaults use
 * `currentColor`. Inside a `<WorkflowProvider>` it follows the live run. With `traffic`, each edge's width
 * and label show how many journeys took it (`data-count` on the edge). Sub-flows and repeats are boxes
 * (`flowkit-cluster`, `data-group`) titled by their step, as core's `groupedGraph` has them (the same as
 * `toMermaid` draws): a repeat's steps are drawn once in a box titled like "Dependants (each item, 0–6)", with
 * the summary's `add, change`, `remove` and `continue` edges; traffic in any item counts on the drawn one.
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
  const { definition, trace, drawn, loads, layout, graph } = useDiagram(given, givenTrace, traffic, trafficWidth, format, direction)
  const id = useId()
  if (!definition || !layout || !graph) {
    return fail(
      'NO_PROVIDER',
      process.env.NODE_ENV !== 'production' && '<WorkflowDiagram> needs a `definition` prop, or a <WorkflowProvider> around it.',
    )
  }
  const status = new Map(graph.nodes.map((n) => [n.id, n.status]))
  const final = new Map(graph.nodes.map((n) => [n.id, n.final]))
  const taken = new Map(graph.edges.map((e) => [e.id, e.taken]))
  const arrow = `${id}-arrow`
  const current = graph.nodes.find((n) => n.status === 'current')
  const name = title ?? `Diagram of the ${definition.id} flow${current ? `, now at ${current.qualifiedLabel}` : ''}`
  const guard = new Map(graph.edges.map((e) => [e.id, e.label]))
  const description = loads && drawn && describeTraffic(graph.nodes, graph.edges, loads, undrawnTraffic(graph.edges, drawn), format)
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
      <DiagramArrow id={arrow} />
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
      {layout.nodes.map((node) => (
        <DiagramNode key={node.id} node={node} status={status.get(node.id)} final={Boolean(final.get(node.id))} />
      ))}
    </svg>
  )
}
