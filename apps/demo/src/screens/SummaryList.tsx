import type { ReactNode } from 'react'

export interface SummaryRow {
  readonly key: string
  readonly label: string
  readonly value: ReactNode
  /** The step whose "Change" link reopens this answer. */
  readonly step: string
  /** In place of `change(step)`: how to reopen an answer that needs more than going back (an item of a repeat). */
  readonly onChange?: () => void
}

/** A GOV.UK-style check-answers list: every answer with a "Change" link back to its step. */
export function SummaryList({ rows, change }: { readonly rows: readonly SummaryRow[]; readonly change: (step: string) => void }) {
  return (
    <dl className="summary-list">
      {rows.map((row) => (
        <div className="summary-row" key={row.key}>
          <dt>{row.label}</dt>
          <dd>{row.value}</dd>
          <dd className="summary-action">
            <button type="button" className="btn btn-link" onClick={row.onChange ?? (() => change(row.step))} data-change={row.step}>
              Change<span className="visually-hidden"> {row.label.toLowerCase()}</span>
            </button>
          </dd>
        </div>
      ))}
    </dl>
  )
}
