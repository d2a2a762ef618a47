import { Bar, BarChart, Cell, Tooltip, XAxis, YAxis } from 'recharts'
import { ChartFigure } from './ChartFigure'
import { formatCount, formatDuration } from './format'
import { bucketBars } from './timeBuckets'
import type { StepInsights } from './types'

interface TimeOnStepProps {
  readonly steps: readonly StepInsights[]
  readonly titleOf: (step: string) => string
}

const TICK = { fill: 'var(--text-muted)', fontSize: 11 }
const TOOLTIP_STYLE = { background: 'var(--surface)', border: '1px solid var(--border)', borderRadius: 8, color: 'var(--text)' }

/** One step's histogram of time spent on it, with the buckets holding the median and the p90 drawn darker. */
function StepHistogram({ step, title }: { readonly step: StepInsights; readonly title: string }) {
  const bars = bucketBars(step)
  const summary = `median ${formatDuration(step.medianMs)} · p90 ${formatDuration(step.p90Ms)}`
  return (
    <ChartFigure
      title={title}
      summary={summary}
      testId={`time-${step.step}`}
      chart={
        <BarChart
          responsive
          style={{ width: '100%', height: 150 }}
          data={bars}
          accessibilityLayer={false}
          margin={{ top: 4, right: 4, bottom: 0, left: 0 }}
        >
          <XAxis dataKey="label" tick={TICK} stroke="var(--border-strong)" interval="preserveStartEnd" />
          <YAxis tickFormatter={formatCount} tick={TICK} stroke="var(--border-strong)" width={44} />
          <Tooltip contentStyle={TOOLTIP_STYLE} cursor={{ fill: 'var(--surface-2)' }} formatter={(value) => formatCount(Number(value))} />
          <Bar dataKey="count" name="Journeys" isAnimationActive={false}>
            {bars.map((bar) => (
              <Cell key={bar.label} fill={bar.marks.length ? 'var(--accent)' : 'color-mix(in srgb, var(--accent) 40%, var(--surface))'} />
            ))}
          </Bar>
        </BarChart>
      }
      alternative={
        // A table ignores a 1px width: the wrapper is what hides it.
        <div className="visually-hidden">
          <table>
            <caption>
              Time on {title}: {summary}
            </caption>
            <thead>
              <tr>
                <th scope="col">Time</th>
                <th scope="col">Journeys</th>
              </tr>
            </thead>
            <tbody>
              {bars.map((bar) => (
                <tr key={bar.label}>
                  <th scope="row">
                    {bar.label}
                    {bar.marks.length > 0 && ` (${bar.marks.join(' and ')})`}
                  </th>
                  <td>{formatCount(bar.count)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      }
    />
  )
}

/** How long people spend on each step: a small histogram per step, its median and 90th percentile. */
export function TimeOnStep({ steps, titleOf }: TimeOnStepProps) {
  const timed = steps.filter((s) => s.timeBuckets.some((b) => b.count > 0))
  return (
    <section className="card insights-section" aria-labelledby="insights-time">
      <h2 id="insights-time">Time on each step</h2>
      <p className="muted">From arriving at a step to leaving it. The darker bars hold the median and the 90th percentile.</p>
      {timed.length === 0 ? (
        <p>No timings in this range yet.</p>
      ) : (
        <div className="insights-multiples">
          {timed.map((s) => (
            <StepHistogram key={s.step} step={s} title={titleOf(s.step)} />
          ))}
        </div>
      )}
    </section>
  )
}
