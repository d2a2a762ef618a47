'use client'

import { persist } from '@flowkit/core/persist'
import {
  StepHeading,
  useField,
  useStep,
  useWorkflow,
  useWorkflowState,
  WorkflowErrorSummary,
  WorkflowProgress,
  WorkflowProvider,
  WorkflowSteps,
} from '@flowkit/react'
import { useNextRouterHistory } from '@flowkit/react/next'
import type { ReactNode } from 'react'
import { checkout } from '../flows/checkout'

function TextField({ name, label, type = 'text' }: { name: string; label: string; type?: string }) {
  const field = useField<string>(name)
  return (
    <p>
      <label htmlFor={field.id}>{label}</label>
      {field.issues.length > 0 && <span id={field.errorId}>{field.issues[0]}</span>}
      <input type={type} {...field.props} />
    </p>
  )
}

function Page({ children }: { children: ReactNode }) {
  const { title, submit, busy, back, canGoBack } = useStep()
  return (
    <form onSubmit={submit} noValidate>
      <StepHeading as="h2">{title}</StepHeading>
      <WorkflowErrorSummary />
      {children}
      {canGoBack && (
        <button type="button" onClick={back}>
          Back
        </button>
      )}
      <button type="submit" disabled={busy}>
        Continue
      </button>
    </form>
  )
}

function Delivery() {
  const { field } = useStep<{ delivery: 'post' | 'pickup' }>()
  return (
    <Page>
      <label>
        <input {...field('delivery', { type: 'radio', option: 'post' })} /> By post
      </label>
      <label>
        <input {...field('delivery', { type: 'radio', option: 'pickup' })} /> Pick up in store
      </label>
    </Page>
  )
}

function Review() {
  const { email, delivery, address } = useWorkflowState((s) => s.state)
  return (
    <Page>
      <p>
        Receipt to {email}; {delivery === 'post' ? `by post to ${address}` : 'pick up in store'}.
      </p>
    </Page>
  )
}

const steps = {
  email: () => (
    <Page>
      <TextField name="email" label="Email address" type="email" />
    </Page>
  ),
  delivery: Delivery,
  address: () => (
    <Page>
      <TextField name="address" label="Address" />
    </Page>
  ),
  review: Review,
}

/** The client part of the page: the flow, saved in local storage, with its step in the URL. */
export function CheckoutWizard() {
  const workflow = useWorkflow(checkout, { persist: persist({ key: 'next-checkout' }) })
  useNextRouterHistory(workflow)
  return (
    <WorkflowProvider workflow={workflow}>
      <WorkflowProgress />
      <WorkflowSteps
        steps={steps}
        fallback={<p aria-busy="true">Loading your answers…</p>}
        done={() => <p role="status">Order placed. Thank you!</p>}
      />
    </WorkflowProvider>
  )
}
