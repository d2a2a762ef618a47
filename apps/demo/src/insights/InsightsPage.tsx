import { useCallback, useEffect, useMemo, useState } from 'react'
import { Alert } from '../ui/Alert'
import { BlockingFields } from './BlockingFields'
import { FunnelChart } from './FunnelChart'
import { formatCount } from './format'
import { InsightsControls } from './InsightsControls'
import { flowOf, type InsightsFlowId, inFlowOrder, isInsightsFlow, stepTitle } from './insightsFlows'
import { JourneySummary } from './JourneySummary'
import { PathsTable } from './PathsTable'
import { TimeOnStep } from './TimeOnStep'
import { TrafficDiagram } from './TrafficDiagram'
import { insightsQuery, isTimeRange, TIME_RANGES, type TimeRangeId } from './timeRange'
import type { FlowInsights } from './types'
import { useInsights } from './useInsights'
import './insights.css'

/** The choices, kept in the address (`?flow=enrollment&range=7d`) so a view can be reloaded or shared. */
const readChoice = (): { flow: InsightsFlowId; range: TimeRangeId } => {
  const params = new URLSearchParams(window.location.search)
  const flow = params.get('flow') ?? ''
  const range = params.get('range') ?? ''
  return { flow: isInsightsFlow(flow) ? flow : 'enrollment', range: isTimeRange(range) ? range : 'all' }
}
const writeChoice = (flow: InsightsFlowId, range: TimeRangeId) => {
  const url = new URL(window.location.href)
  url.searchParams.set('flow', flow)
  if (range === 'all') url.searchParams.delete('range')
  else url.searchParams.set('range', range)
  window.history.replaceState(window.history.state, '', url)
}

/** Journey insights: the funnel, time on each step, the flow's diagram fed by the journeys, blocking fields and paths. */
export function InsightsPage() {
  const [{ flow, range }, setChoice] = useState(readChoice)
  const [attempt, setAttempt] = useState(0)
  // A range starts from the moment it is chosen (or tried again), not from each render.
  const [now, setNow] = useState(Date.now)
  const query = useMemo(() => insightsQuery(range, now).toString(), [range, now])
  const state = useInsights(flow, query, attempt)
  const label = flowOf(flow).label
  useEffect(() => {
    document.title = `${label} insights · Flowkit demo`
    writeChoice(flow, range)
  }, [label, flow, range])
  const titleOf = useCallback((step: string) => stepTitle(flow, step), [flow])
  // While another range loads, the last answer for this flow stays on screen (marked busy); another flow's never does.
  const shown =
    state.status === 'ready' ? state.insights : state.status === 'loading' && state.previous?.workflow === flow ? state.previous : null
  const rangeLabel = TIME_RANGES.find((r) => r.id === range)?.label ?? ''
  return (
    <main className="app-main" id="main">
      <div className="container-wide insights" data-testid="insights-page" data-state={state.status}>
        <section className="insights-head">
          <span className="eyebrow">Journey insights</span>
          <h1>How people move through the {label.toLowerCase()}</h1>
          <p className="muted">Every journey the Flowkit server recorded: where people go, how long they stay, where they stop.</p>
        </section>
        <InsightsControls
          flow={flow}
          onFlow={(f) => setChoice({ flow: f, range })}
          range={range}
          onRange={(r) => {
            setChoice({ flow, range: r })
            setNow(Date.now())
          }}
        />
        <p className="visually-hidden" role="status">
          {state.status === 'loading'
            ? `Loading the ${label.toLowerCase()} insights…`
            : state.status === 'ready'
              ? `Showing ${formatCount(state.insights.journeys.started)} ${label.toLowerCase()} journeys, ${rangeLabel.toLowerCase()}.`
              : ''}
        </p>
        {state.status === 'failed' && state.problem.code === 'UNKNOWN_WORKFLOW' ? (
          <Alert tone="info" title={`No ${label.toLowerCase()} journeys on this server`} role="status">
            <p data-testid="insights-unknown">
              The Flowkit server does not serve the {label.toLowerCase()} flow, so it has recorded none of its journeys. It says:{' '}
              {state.problem.message}
            </p>
          </Alert>
        ) : state.status === 'failed' ? (
          <Alert tone="danger" title="No insights to show" role="alert">
            <p data-testid="insights-problem" data-kind={state.problem.kind}>
              {state.problem.message}
              {state.problem.code && (
                <>
                  {' '}
                  <code>{state.problem.code}</code>
                </>
              )}
            </p>
            <button
              type="button"
              className="btn btn-secondary"
              onClick={() => {
                setNow(Date.now())
                setAttempt((n) => n + 1)
              }}
            >
              Try again
            </button>
          </Alert>
        ) : shown ? (
          <Report insights={shown} flow={flow} titleOf={titleOf} busy={state.status === 'loading'} rangeLabel={rangeLabel} />
        ) : (
          <div className="insights-loading" data-testid="insights-loading">
            <span className="spinner" aria-hidden="true" /> Loading the journeys…
          </div>
        )}
      </div>
    </main>
  )
}

interface ReportProps {
  readonly insights: FlowInsights
  readonly flow: InsightsFlowId
  readonly titleOf: (step: string) => string
  readonly busy: boolean
  readonly rangeLabel: string
}

function Report({ insights, flow, titleOf, busy, rangeLabel }: ReportProps) {
  if (insights.journeys.started === 0) {
    return (
      <Alert tone="info" title={`No ${flowOf(flow).label.toLowerCase()} journeys ${rangeLabel.toLowerCase()}`} role="status">
        <p data-testid="insights-empty">
          Go through the flow to record one, pick a longer time range, or start the demo with <code>npm run demo</code>, which seeds 10,000
          simulated journeys.
        </p>
      </Alert>
    )
  }
  const steps = inFlowOrder(flow, insights.steps)
  return (
    <div className="insights-report" aria-busy={busy} data-workflow={insights.workflow}>
      <JourneySummary journeys={insights.journeys} />
      <FunnelChart steps={steps} titleOf={titleOf} />
      <TrafficDiagram flow={flow} edges={insights.edges} />
      <TimeOnStep steps={steps} titleOf={titleOf} />
      <BlockingFields steps={steps} titleOf={titleOf} />
      <PathsTable paths={insights.paths} started={insights.journeys.started} titleOf={titleOf} />
    </div>
  )
}
