import { getPersistedSnapshot, qualifiedStepTitle, type Workflow, type WorkflowErrorCode } from '@flowkit/core'
import type { LocalFirstStorage, SubmitResult } from '@flowkit/server/client'
import { useCallback, useEffect, useState } from 'react'
import { Alert } from '../ui/Alert'
import { useSaveStatus } from './SaveForLater'

/**
 * Why the server did not accept the enrollment, for the person who sent it. The server's `message` is a diagnostic
 * for developers (it names actions, versions, snapshot fields): the page gives a sentence, the step by its title
 * and the code as a reference.
 */
const REFUSALS: Readonly<Partial<Record<WorkflowErrorCode, string>>> = {
  ALREADY_SUBMITTED: 'This enrollment had already been sent.',
  SUBMISSION_IN_PROGRESS: 'This enrollment is being sent from another tab or device. Wait a moment, then try again.',
  SNAPSHOT_MISMATCH: 'This page was made by another version of the form, so the server could not check your answers.',
  INVALID_SNAPSHOT: 'Your answers reached the server incomplete or damaged.',
  SERVER_ACTION_FAILED: 'A check the server makes on your answers could not be completed.',
  NOT_FOUND: 'The server no longer has this enrollment: it may have expired.',
  EXPIRED: 'The server no longer has this enrollment: it expired.',
}

interface ServerVerificationProps {
  readonly storage: LocalFirstStorage
  readonly workflow: Workflow
}

/**
 * On the confirmation page: submits the finished flow to the Flowkit server, which replays it with the recorded
 * answers and keeps its own result, and shows that result or the server's reason for refusing it.
 */
export function ServerVerification({ storage, workflow }: ServerVerificationProps) {
  const [result, setResult] = useState<SubmitResult | null>(null)
  const status = useSaveStatus(storage)
  const verify = useCallback(() => {
    setResult(null)
    let current = true
    const run = storage.getStatus().submitted ? storage.result() : storage.submit(getPersistedSnapshot(workflow))
    void run.then((answer) => {
      if (current) setResult(answer)
    })
    return () => {
      current = false
    }
  }, [storage, workflow])
  useEffect(verify, [verify])

  if (!result) {
    return (
      <div className="server-check" data-testid="server-verification" data-state="pending">
        <span className="spinner" aria-hidden="true" />
        <p>
          Sending your enrollment to the server, which checks it by replaying every answer…
          {status.state === 'offline' && ' The server cannot be reached yet; it is kept in this browser meanwhile.'}
        </p>
      </div>
    )
  }
  if (!result.ok) {
    return (
      <div data-testid="server-verification" data-state="refused">
        <Alert tone="danger" title="The server did not accept this enrollment" role="alert">
          <p data-testid="server-refusal">
            {REFUSALS[result.error.code] ?? 'Something went wrong on our side while checking it.'}
            {result.error.step && ` It stopped at “${qualifiedStepTitle(workflow.definition, result.error.step)}”.`}
          </p>
          <p className="muted" data-testid="server-refusal-reason">
            Reference: <code>{result.error.code}</code>
          </p>
          <button type="button" className="btn btn-secondary" onClick={verify}>
            Try again
          </button>
        </Alert>
      </div>
    )
  }
  const receipt = result.result.receipt as { reference?: string } | null | undefined
  return (
    <div data-testid="server-verification" data-state="verified">
      <Alert tone="success" title="Verified by the server" role="status">
        <p>
          The Flowkit server replayed your answers through the same enrollment flow, found the same result and recorded it.
          {receipt?.reference && (
            <>
              {' '}
              Its own submission issued the reference <strong data-testid="server-reference">{receipt.reference}</strong> (a receipt is made
              anew on every run, so the server keeps its own: <code>serverComputed</code>).
            </>
          )}
        </p>
        <details>
          <summary>What the server recorded</summary>
          {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be focusable so keyboard users can scroll it */}
          <section className="json-scroll" aria-label="Server result as JSON" tabIndex={0}>
            <pre className="json" data-testid="server-result">
              {JSON.stringify(result.result, null, 2)}
            </pre>
          </section>
        </details>
      </Alert>
    </div>
  )
}
