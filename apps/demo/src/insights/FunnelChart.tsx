import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from 'recharts'
import { formatCount, formatDuration, formatShare } from './format'
import { funnelRows } from './funnelRows'
import { TableScroll } from './TableScroll'
import type { StepInsights } from './types'

interface FunnelChartProps {
  readonly steps: readonly StepInsights[]
  readonly titleOf: (step: string) => string
}

const TOOLTIP_STYLE = { background: 'var(--surface)', border: '1px solid var(--border)', borderRadius: 8, color: 'var(--text)' }
const TICK = { fill: 'var(--text-muted)', fontSize: 12 }

/** Per step: the journeys that reached it, split into completed, abandoned and the rest; then the same numbers in a table. */
export function FunnelChart({ steps, titleOf }: FunnelChartProps) {
  const rows = funnelRows(steps, titleOf)
  return (
    <section className="card insights-section" aria-labelledby="insights-funnel">
      <h2 id="insights-funnel">Funnel</h2>
      <p className="muted">Each bar is the journeys that reached a step: completed it, abandoned it, or went back or are still on it.</p>
      <div className="insights-chart" aria-hidden="true">
        <BarChart
          responsive
          style={{ width: '100%', height: rows.length * 40 + 70 }}
          data={rows}
          layout="vertical"
          accessibilityLayer={false}
          margin={{ top: 4, right: 16, bottom: 4, left: 4 }}
        >
          <CartesianGrid horizontal={false} stroke="var(--border)" />
          <XAxis type="number" tickFormatter={formatCount} tick={TICK} stroke="var(--border-strong)" />
          <YAxis type="category" dataKey="label" width={140} tick={TICK} stroke="var(--border-strong)" interval={0} />
          <Tooltip contentStyle={TOOLTIP_STYLE} cursor={{ fill: 'var(--surface-2)' }} formatter={(value) => formatCount(Number(value))} />
          <Legend
            itemSorter={null}
            wrapperStyle={{ fontSize: 13 }}
            formatter={(value) => <span className="insights-legend-text">{value}</span>}
          />
          <Bar dataKey="completed" name="Completed" stackId="step" fill="var(--accent)" isAnimationActive={false} />
          <Bar dataKey="abandoned" name="Abandoned" stackId="step" fill="var(--danger)" isAnimationActive={false} />
          <Bar dataKey="other" name="Went back or still there" stackId="step" fill="var(--border-strong)" isAnimationActive={false} />
        </BarChart>
      </div>
      <TableScroll label="Funnel as a table">
        <table className="insights-table" data-testid="funnel-table">
          <caption className="visually-hidden">Journeys per step</caption>
          <thead>
            <tr>
              <th scope="col">Step</th>
              <th scope="col">Reached</th>
              <th scope="col">Completed</th>
              <th scope="col">Abandoned</th>
              <th scope="col">Went back</th>
              <th scope="col">Completion</th>
              <th scope="col">Median time</th>
              <th scope="col">p90 time</th>
            </tr>
          </thead>
          <tbody>
            {steps.map((s) => (
              <tr key={s.step} data-step={s.step}>
                <th scope="row">{titleOf(s.step)}</th>
                <td data-col="reached">{formatCount(s.reached)}</td>
                <td data-col="completed">{formatCount(s.completed)}</td>
                <td data-col="abandoned">{formatCount(s.abandoned)}</td>
                <td data-col="backs">{formatCount(s.backs)}</td>
                <td data-col="completion">{formatShare(s.completed, s.reached)}</td>
                <td data-col="median">{formatDuration(s.medianMs)}</td>
                <td data-col="p90">{formatDuration(s.p90Ms)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </section>
  )
}
