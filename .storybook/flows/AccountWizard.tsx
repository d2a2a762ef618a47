import { StepHeading, useField, useStep, WorkflowErrorSummary, WorkflowSteps } from '@flowkit/react'
import type { ReactNode } from 'react'

/** A step's form: heading, error summary, failed-action message, its fields, Back and Continue. */
export function StepForm({ children, submitLabel = 'Continue' }: { readonly children?: ReactNode; readonly submitLabel?: string }) {
  const { title, submit, busy, error, back, canGoBack } = useStep()
  return (
    <form onSubmit={submit} aria-busy={busy} noValidate>
      <StepHeading>{title}</StepHeading>
      <WorkflowErrorSummary />
      {error && <p role="alert">We could not continue: {error.message}</p>}
      {children}
      <p>
        {canGoBack && (
          <button type="button" onClick={back} disabled={busy}>
            Back
          </button>
        )}{' '}
        <button type="submit" disabled={busy}>
          {busy ? 'Please wait…' : submitLabel}
        </button>
      </p>
    </form>
  )
}

export function TextInput({ path, label, inputMode }: { readonly path: string; readonly label: string; readonly inputMode?: 'numeric' }) {
  const field = useField<string>(path)
  return (
    <p>
      <label htmlFor={field.id}>{label}</label>
      <br />
      <input {...field.props} inputMode={inputMode} />
      {field.issues.length > 0 && <span id={field.errorId}> {field.issues[0]}</span>}
    </p>
  )
}

function PlanChoice() {
  const solo = useField('plan', { type: 'radio', option: 'solo' })
  const team = useField('plan', { type: 'radio', option: 'team' })
  return (
    <fieldset>
      <legend>Plan</legend>
      <input {...solo.props} />
      <label htmlFor={solo.props.id}>Solo</label> <input {...team.props} />
      <label htmlFor={team.props.id}>Team</label>
      {solo.issues.length > 0 && <p id={solo.errorId}>{solo.issues[0]}</p>}
    </fieldset>
  )
}

function Review() {
  return (
    <StepForm submitLabel="Open account">
      <p>Check your answers, then open the account.</p>
    </StepForm>
  )
}

const EmailStep = () => (
  <StepForm>
    <TextInput path="email" label="Email address" />
  </StepForm>
)
const PlanStep = () => (
  <StepForm>
    <PlanChoice />
  </StepForm>
)
const TeamStep = () => (
  <StepForm>
    <TextInput path="seats" label="Seats" inputMode="numeric" />
  </StepForm>
)
const PaymentStep = () => (
  <StepForm>
    <TextInput path="card" label="Card number" inputMode="numeric" />
  </StepForm>
)
const Opened = () => <p>Your account is open.</p>
const screens = { email: EmailStep, plan: PlanStep, team: TeamStep, payment: PaymentStep, review: Review }

/** The account flow's screens, written with `useStep`, `useField`, `<StepHeading>` and `<WorkflowErrorSummary>`. */
export function AccountSteps() {
  return <WorkflowSteps steps={screens} done={Opened} />
}
