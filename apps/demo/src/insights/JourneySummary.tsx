import { formatCount, formatRate } from './format'
import type { FlowInsights } from './types'

/** The journeys in five numbers and the completion rate. */
export function JourneySummary({ journeys }: { readonly journeys: FlowInsights['journeys'] }) {
  const items = [
    { id: 'started', label: 'Journeys started', value: formatCount(journeys.started) },
    { id: 'completion-rate', label: 'Completion rate', value: formatRate(journeys.completionRate) },
    { id: 'completed', label: 'Completed', value: formatCount(journeys.completed) },
    { id: 'abandoned', label: 'Abandoned', value: formatCount(journeys.abandoned) },
    { id: 'in-progress', label: 'In progress', value: formatCount(journeys.inProgress) },
    { id: 'resumed', label: 'Resumed on another device', value: formatCount(journeys.resumed) },
  ]
  return (
    <dl className="insights-kpis" data-testid="insights-summary">
      {items.map((item) => (
        <div key={item.id} className={`insights-kpi insights-kpi-${item.id}`}>
          <dt>{item.label}</dt>
          <dd data-testid={`kpi-${item.id}`}>{item.value}</dd>
        </div>
      ))}
    </dl>
  )
}
