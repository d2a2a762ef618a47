import { useWorkflowState } from '@flowkit/react'
import { type ReactNode, useEffect } from 'react'
import type { FlowConfig } from './flows'

interface ConfirmationProps {
  readonly config: FlowConfig
  readonly onStartOver: () => void
  /** Shown under the reference, e.g. the server's verification. */
  readonly children?: ReactNode
}

/** The end of a flow: the reference, and exactly what was submitted. */
export function Confirmation({ config, onStartOver, children }: ConfirmationProps) {
  const state = useWorkflowState((s) => s.state) as { order?: { orderId: string } | null; receipt?: { reference: string } | null }
  const reference = state.order?.orderId ?? state.receipt?.reference
  // Focus: <WorkflowDone> moves it to this heading when the final step is completed, as it does to each step's.
  useEffect(() => {
    document.title = `${config.doneTitle} · Flowkit demo`
  }, [config])
  return (
    <div className="card confirmation" data-testid="confirmation">
      <div className="confirmation-banner">
        <span className="confirmation-check" aria-hidden="true">
          ✓
        </span>
        <h1 tabIndex={-1}>{config.doneTitle}</h1>
        <p>
          Your reference number
          <br />
          <strong data-testid="reference">{reference}</strong>
        </p>
      </div>
      {children}
      <h2>What was submitted</h2>
      <p className="muted">The final workflow state: only the answers on the path taken. Answers from abandoned branches are not in it.</p>
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be focusable so keyboard users can scroll it */}
      <section className="json-scroll" aria-label="Submitted data as JSON" tabIndex={0}>
        <pre className="json" data-testid="submitted-json">
          {JSON.stringify(state, null, 2)}
        </pre>
      </section>
      <div className="btn-row">
        <button type="button" className="btn btn-primary" onClick={onStartOver}>
          {config.name === 'checkout' ? 'Start a new order' : 'Start a new enrollment'}
        </button>
        <a className="btn btn-secondary" href="/">
          Back to the demos
        </a>
      </div>
    </div>
  )
}
