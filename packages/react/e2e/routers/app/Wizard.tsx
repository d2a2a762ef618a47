import type { Workflow } from '@flowkit/core'
import { StepHeading, useStep, useWorkflowState, WorkflowErrorSummary, WorkflowProvider, WorkflowSteps } from '@flowkit/react'
import type { ReactNode } from 'react'

function Page({ children }: { children?: ReactNode }) {
  const { title, submit, back, canGoBack, busy } = useStep()
  return (
    <form onSubmit={submit} noValidate>
      <StepHeading>{title}</StepHeading>
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

function Name() {
  const { field } = useStep<{ name: string }>()
  return (
    <Page>
      <label>
        Name <input {...field('name')} />
      </label>
    </Page>
  )
}

function Plan() {
  const { field } = useStep<{ plan: 'basic' | 'pro' }>()
  return (
    <Page>
      <label>
        <input {...field('plan', { type: 'radio', option: 'basic' })} /> Basic
      </label>
      <label>
        <input {...field('plan', { type: 'radio', option: 'pro' })} /> Pro
      </label>
    </Page>
  )
}

function Review() {
  const name = useWorkflowState((s) => s.state.name as string)
  return <Page>Order for {name}</Page>
}

const steps = { name: Name, plan: Plan, extras: () => <Page>No extras needed.</Page>, review: Review }

/** The same wizard in every router: only the history binding differs. */
export function Wizard({ workflow }: { workflow: Workflow<any, any> }) {
  return (
    <WorkflowProvider workflow={workflow}>
      <main>
        <WorkflowSteps steps={steps} done={() => <p role="status">Order placed</p>} />
      </main>
    </WorkflowProvider>
  )
}
