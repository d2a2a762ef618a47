import { WorkflowDiagram } from '@flowkit/react/diagram'
import { formatCount } from './format'
import { flowOf, type InsightsFlowId, stepTitle } from './insightsFlows'
import { TableScroll } from './TableScroll'
import type { FlowInsights } from './types'

interface TrafficDiagramProps {
  readonly flow: InsightsFlowId
  readonly edges: FlowInsights['edges']
}

/** The flow's own diagram (`<WorkflowDiagram traffic>`), each transition as wide as the journeys that took it. */
export function TrafficDiagram({ flow, edges }: TrafficDiagramProps) {
  const sorted = [...edges].sort((a, b) => b.count - a.count)
  return (
    <section className="card insights-section" aria-labelledby="insights-diagram">
      <h2 id="insights-diagram">Where journeys went</h2>
      <p className="muted">The flow's diagram: each transition is as wide as the number of journeys that took it, and labelled with it.</p>
      <div className="insights-diagram" data-testid="insights-diagram">
        <WorkflowDiagram
          definition={flowOf(flow).definition}
          trace={null}
          traffic={edges}
          title={`Diagram of the ${flowOf(flow).label.toLowerCase()} flow with the journeys along each transition`}
        />
      </div>
      <details className="insights-details">
        <summary>Transitions as a table</summary>
        <TableScroll label="Transitions as a table">
          <table className="insights-table" data-testid="edges-table">
            <thead>
              <tr>
                <th scope="col">From</th>
                <th scope="col">To</th>
                <th scope="col">Journeys</th>
              </tr>
            </thead>
            <tbody>
              {sorted.map((e) => (
                <tr key={`${e.from}->${e.to}`}>
                  <td>{stepTitle(flow, e.from)}</td>
                  <td>{stepTitle(flow, e.to)}</td>
                  <td>{formatCount(e.count)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      </details>
    </section>
  )
}
