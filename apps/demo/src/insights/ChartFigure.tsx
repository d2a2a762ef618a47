import type { ReactNode } from 'react'

interface ChartFigureProps {
  readonly title: string
  /** What the chart shows, in a sentence under the title. */
  readonly summary?: ReactNode
  /** The chart itself: hidden from assistive technology, which reads `alternative` instead. */
  readonly chart: ReactNode
  /** The same numbers as text (a table): the chart's text alternative. */
  readonly alternative: ReactNode
  readonly className?: string
  readonly testId?: string
}

/** A chart with its caption and its numbers as text: screen readers get the table, eyes get the picture (and the table). */
export function ChartFigure({ title, summary, chart, alternative, className, testId }: ChartFigureProps) {
  return (
    <figure className={`insights-figure ${className ?? ''}`} data-testid={testId}>
      <figcaption>
        <span className="insights-figure-title">{title}</span>
        {summary && <span className="insights-figure-summary">{summary}</span>}
      </figcaption>
      <div className="insights-chart" aria-hidden="true">
        {chart}
      </div>
      {alternative}
    </figure>
  )
}
