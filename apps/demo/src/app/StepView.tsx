import { userMessage } from '@flowkit/core'
import { useCheckAnswers, useStep, useWorkflowState, WorkflowErrorSummary } from '@flowkit/react'
import { type FormEvent, useEffect, useRef, useState } from 'react'
import type { StepScreen } from '../screens/StepScreen'
import { Alert } from '../ui/Alert'

interface StepViewProps {
  readonly screen: StepScreen<any>
}

/**
 * One step: heading, error summary, service error, the step's fields and its buttons. A check-answers
 * page's "Change" links are `useCheckAnswers().change`: submitting the changed step comes back to review
 * (`returning` says so, for the button's words).
 */
export function StepView({ screen }: StepViewProps) {
  const { step, values, setValues, issues, busy, error, back, canGoBack, isFinal, headingProps, submit } = useStep()
  const { change, returning } = useCheckAnswers()
  const state = useStepState()
  const draft = { ...screen.blank, ...values } as Record<string, unknown>
  // A rule over several answers that the flow would refuse (see StepScreen.problem), said in the user's words once
  // they tried to continue (at once on a step the way back to review stopped on for it: a changed plan the dependants
  // no longer fit), then kept up to date as the answers change: a dependant removed, the message goes with it.
  const [tried, setTried] = useState(returning !== null)
  const problem = tried ? screen.problem?.(state) : undefined
  // The way back to review stops on a step whose rule the answers no longer meet (the flow refuses to go on,
  // NO_CHOICE): the rule's own words say it, not a generic service error.
  const failure = error && !(problem && error.code === 'NO_CHOICE') ? error : null
  // A Continue the rule refused moves focus to its message, as the error summary does for field errors.
  const [refusals, setRefusals] = useState(0)
  const problemBox = useRef<HTMLDivElement>(null)
  useEffect(() => {
    if (refusals > 0) problemBox.current?.focus()
  }, [refusals])

  useEffect(() => {
    document.title = `${screen.heading} · Flowkit demo`
    window.scrollTo({ top: 0 })
  }, [screen])

  // A service error is said at the top of the step (GOV.UK): the page goes back up and the message takes focus,
  // so a keyboard or screen-reader user hears it and nothing is left half under the sticky header.
  const serviceError = useRef<HTMLDivElement>(null)
  useEffect(() => {
    if (!failure || !serviceError.current) return
    window.scrollTo({ top: 0 })
    serviceError.current.focus({ preventScroll: true })
  }, [failure])

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault()
    if (busy) return
    setTried(true)
    if (screen.problem?.(state)) {
      setRefusals((n) => n + 1)
      return
    }
    await submit(isFinal ? {} : draft)
  }
  const label = returning ? 'Save and return to review' : (screen.submitLabel ?? 'Continue')

  const { Fields } = screen
  return (
    <form onSubmit={onSubmit} noValidate aria-busy={busy} data-step={step}>
      {canGoBack && (
        <button type="button" className="btn btn-link back-link" onClick={back} disabled={busy}>
          ← Back
        </button>
      )}
      <h1 {...headingProps}>{screen.heading}</h1>
      {screen.lead && <p className="muted">{screen.lead}</p>}
      <WorkflowErrorSummary className="error-summary" />
      {problem && (
        <div ref={problemBox} tabIndex={-1} data-testid="step-problem-box">
          <Alert tone="danger" title="There is a problem" role="alert">
            <p data-testid="step-problem">{problem}</p>
          </Alert>
        </div>
      )}
      {failure && (
        <div ref={serviceError} tabIndex={-1}>
          <Alert tone="danger" title="We could not continue" role="alert">
            <p data-testid="service-error">{userMessage(failure)}</p>
          </Alert>
        </div>
      )}
      <Fields draft={draft} update={(patch) => setValues({ ...draft, ...patch })} issues={issues} state={state} change={change} />
      <div className="btn-row">
        <button type="submit" className="btn btn-primary" aria-disabled={busy || undefined} data-testid="submit">
          {busy && <span className="spinner" aria-hidden="true" />}
          {busy ? 'Please wait…' : failure ? 'Try again' : label}
        </button>
        <span role="status" className="muted">
          {busy ? busyMessage(step) : ''}
        </span>
      </div>
    </form>
  )
}

const useStepState = () => useWorkflowState((s) => s.state)

const busyMessage = (step: string) =>
  ({
    cart: 'Checking your promo code…',
    'shipping.lines': 'Verifying the address with the carrier…',
    'billing.lines': 'Verifying the address with the carrier…',
    'home.lines': 'Verifying the address with the carrier…',
    review: 'Submitting…',
  })[step] ?? 'Saving…'
