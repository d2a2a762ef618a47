import { formatCount, formatShare } from './format'
import { TableScroll } from './TableScroll'
import type { FlowInsights } from './types'

interface PathsTableProps {
  readonly paths: FlowInsights['paths']
  readonly started: number
  readonly titleOf: (step: string) => string
  /** @default 10 */
  readonly top?: number
}

/** The most common ways through the flow, step by step, with how many journeys took each. */
export function PathsTable({ paths, started, titleOf, top = 10 }: PathsTableProps) {
  const shown = [...paths].sort((a, b) => b.count - a.count).slice(0, top)
  return (
    <section className="card insights-section" aria-labelledby="insights-paths">
      <h2 id="insights-paths">Paths taken</h2>
      <p className="muted">The most common sequences of steps from the start, and how many journeys took each.</p>
      {shown.length === 0 ? (
        <p>No paths in this range.</p>
      ) : (
        <TableScroll label="Paths taken, as a table">
          <table className="insights-table" data-testid="paths-table">
            <thead>
              <tr>
                <th scope="col">Path</th>
                <th scope="col">Journeys</th>
                <th scope="col">Share</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((p) => (
                <tr key={p.steps.join('>')}>
                  <td>
                    <ol className="insights-path">
                      {p.steps.map((step, i) => (
                        // biome-ignore lint/suspicious/noArrayIndexKey: a path may go through a step twice
                        <li key={`${step}-${i}`}>{titleOf(step)}</li>
                      ))}
                    </ol>
                  </td>
                  <td>{formatCount(p.count)}</td>
                  <td>{formatShare(p.count, started)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </section>
  )
}
