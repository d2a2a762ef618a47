import { userMessage } from '@flowkit/core'
import { StepHeading, useCheckAnswers, useStep, WorkflowErrorSummary } from '@flowkit/react'
import type { ReactNode } from 'react'

/**
 * The frame every example step shares: Back, the step's heading (focused on arrival), the error
 * summary, what failed (in words for a person: `userMessage`, never `error.message`), the content and
 * Continue (which says it returns to the answers after a check-answers page's "Change"). Examples sit inside a docs page, so the heading is an `h2`.
 */
export function StepFrame({ children, submitLabel = 'Continue' }: { children?: ReactNode; submitLabel?: string }) {
  const { title, submit, busy, back, canGoBack, error } = useStep()
  const { returning } = useCheckAnswers()
  return (
    <form onSubmit={submit} noValidate>
      {canGoBack && (
        <button type="button" onClick={back}>
          Back
        </button>
      )}
      <StepHeading as="h2">{title}</StepHeading>
      <WorkflowErrorSummary />
      {error && <p role="alert">{userMessage(error)}</p>}
      {children}
      <button type="submit" disabled={busy} aria-busy={busy}>
        {busy ? 'Working…' : returning ? 'Save and return to your answers' : submitLabel}
      </button>
    </form>
  )
}
