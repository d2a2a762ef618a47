import { INSIGHTS_FLOWS, type InsightsFlowId, isInsightsFlow } from './insightsFlows'
import { isTimeRange, TIME_RANGES, type TimeRangeId } from './timeRange'

interface InsightsControlsProps {
  readonly flow: InsightsFlowId
  readonly onFlow: (flow: InsightsFlowId) => void
  readonly range: TimeRangeId
  readonly onRange: (range: TimeRangeId) => void
}

/** Which flow, and over which time: the two choices the whole page follows. */
export function InsightsControls({ flow, onFlow, range, onRange }: InsightsControlsProps) {
  return (
    <form className="insights-controls" aria-label="What to show" onSubmit={(event) => event.preventDefault()}>
      <div className="field">
        <label className="field-label" htmlFor="insights-flow">
          Flow
        </label>
        <select
          id="insights-flow"
          className="select"
          value={flow}
          onChange={(event) => isInsightsFlow(event.target.value) && onFlow(event.target.value)}
        >
          {INSIGHTS_FLOWS.map((f) => (
            <option key={f.id} value={f.id}>
              {f.label}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label className="field-label" htmlFor="insights-range">
          Time range
        </label>
        <select
          id="insights-range"
          className="select"
          value={range}
          onChange={(event) => isTimeRange(event.target.value) && onRange(event.target.value)}
        >
          {TIME_RANGES.map((r) => (
            <option key={r.id} value={r.id}>
              {r.label}
            </option>
          ))}
        </select>
      </div>
    </form>
  )
}
