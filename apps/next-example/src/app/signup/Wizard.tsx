'use client'

import { persist } from '@flowkit/core/persist'
import {
  StepHeading,
  useField,
  useStep,
  useWorkflow,
  WorkflowErrorSummary,
  WorkflowProgress,
  WorkflowProvider,
  WorkflowSteps,
} from '@flowkit/react'
import type { ReactNode } from 'react'
import { signup } from './signupFlow'

function TextField({ name, label }: { name: string; label: string }) {
  const field = useField<string>(name)
  return (
    <p>
      <label htmlFor={field.id}>{label}</label> {field.issues.length > 0 && <strong id={field.errorId}>{field.issues[0]}</strong>}{' '}
      <input {...field.props} />
    </p>
  )
}

function Page({ children }: { children?: ReactNode }) {
  const { title, submit, busy, back, canGoBack } = useStep()
  return (
    <form onSubmit={submit} noValidate>
      {canGoBack && (
        <button type="button" onClick={back}>
          Back
        </button>
      )}
      <StepHeading as="h2">{title}</StepHeading>
      <WorkflowErrorSummary />
      {children}
      <button type="submit" disabled={busy}>
        Continue
      </button>
    </form>
  )
}

function Plan() {
  const { field } = useStep<{ plan: 'free' | 'pro' }>()
  return (
    <Page>
      <label>
        <input {...field('plan', { type: 'radio', option: 'free' })} /> Free
      </label>{' '}
      <label>
        <input {...field('plan', { type: 'radio', option: 'pro' })} /> Pro
      </label>
    </Page>
  )
}

const steps = {
  email: () => (
    <Page>
      <TextField name="email" label="Email address" />
    </Page>
  ),
  plan: Plan,
  company: () => (
    <Page>
      <TextField name="company" label="Company name" />
    </Page>
  ),
  done: () => <Page>We will send a confirmation link.</Page>,
}

export function Wizard() {
  // `persist` reads storage after the first render, so the server's HTML and the first client render match.
  const workflow = useWorkflow(signup, { persist: persist({ key: 'signup' }) })
  return (
    <WorkflowProvider workflow={workflow}>
      <WorkflowProgress />
      {/* Until saved answers are read, `fallback` shows instead of step 1, so a reload never flashes the first step. */}
      <WorkflowSteps steps={steps} fallback={<p aria-busy="true">Loading…</p>} done={() => <p>Account created. Check your inbox.</p>} />
    </WorkflowProvider>
  )
}
