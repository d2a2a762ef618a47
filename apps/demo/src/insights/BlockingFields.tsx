import { formatCount } from './format'
import { fieldLabel } from './insightsFlows'
import { TableScroll } from './TableScroll'
import type { StepInsights } from './types'

interface BlockingFieldsProps {
  readonly steps: readonly StepInsights[]
  readonly titleOf: (step: string) => string
  /** How many fields to show per step. @default 3 */
  readonly top?: number
}

/** The fields whose input did not validate most often, per step: where people get stuck. */
export function BlockingFields({ steps, titleOf, top = 3 }: BlockingFieldsProps) {
  const rows = steps.flatMap((s) =>
    [...s.blockingFields]
      .sort((a, b) => b.count - a.count)
      .slice(0, top)
      .map((f, i) => ({
        step: s.step,
        first: i === 0,
        field: f.field,
        count: f.count,
        most: s.blockingFields.reduce((m, x) => Math.max(m, x.count), 0),
      })),
  )
  return (
    <section className="card insights-section" aria-labelledby="insights-blocking">
      <h2 id="insights-blocking">Fields that stop people</h2>
      <p className="muted">
        Per step, the fields whose answers were refused most often (the journey log names the field, never the value).
      </p>
      {rows.length === 0 ? (
        <p>No refused answers in this range.</p>
      ) : (
        <TableScroll label="Fields that stop people, as a table">
          <table className="insights-table insights-blocking" data-testid="blocking-table">
            <thead>
              <tr>
                <th scope="col">Step</th>
                <th scope="col">Field</th>
                <th scope="col">Times refused</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={`${r.step}/${r.field}`} className={r.first ? 'insights-group-start' : undefined}>
                  <td>{r.first ? titleOf(r.step) : <span className="visually-hidden">{titleOf(r.step)}</span>}</td>
                  <td>
                    <code>{fieldLabel(r.field)}</code>
                  </td>
                  <td>
                    <span
                      className="insights-meter"
                      aria-hidden="true"
                      style={{ width: Math.max(2, Math.round((80 * r.count) / Math.max(1, r.most))) }}
                    />
                    {formatCount(r.count)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </section>
  )
}
