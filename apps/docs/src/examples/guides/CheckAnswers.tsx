import { defineWorkflow } from '@flowkit/core'
import { StepHeading, useCheckAnswers, useStep, useWorkflow, useWorkflowState, WorkflowProvider, WorkflowSteps } from '@flowkit/react'
import { z } from 'zod'
import { StepFrame } from '../ui/StepFrame.tsx'
import { TextField } from '../ui/TextField.tsx'

export const application = defineWorkflow({
  id: 'application',
  initial: 'name',
  state: { name: '', email: '' },
  steps: {
    name: { title: 'What is your name?', validate: z.object({ name: z.string().min(1, { error: 'Enter your name' }) }), next: 'email' },
    email: {
      title: 'What is your email address?',
      validate: z.object({ email: z.email({ error: 'Enter an email address' }) }),
      next: 'check',
    },
    check: { title: 'Check your answers', final: true },
  },
})

/** A GOV.UK-style summary list: each answer with a "Change" link back to its question, whose submit returns here. */
function Check() {
  const { title, submit, busy } = useStep()
  const { change } = useCheckAnswers()
  const state = useWorkflowState((s) => s.state as typeof application.state)
  const rows = [
    { step: 'name', label: 'Name', value: state.name },
    { step: 'email', label: 'Email address', value: state.email },
  ] as const
  return (
    <form onSubmit={submit}>
      <StepHeading as="h2">{title}</StepHeading>
      <dl>
        {rows.map((row) => (
          <div key={row.step}>
            <dt>{row.label}</dt>
            <dd>{row.value}</dd>
            <dd>
              <button type="button" onClick={() => change(row.step)}>
                Change <span className="fk-sr-only">{row.label.toLowerCase()}</span>
              </button>
            </dd>
          </div>
        ))}
      </dl>
      <button type="submit" disabled={busy}>
        Accept and send
      </button>
    </form>
  )
}

const steps = {
  name: () => (
    <StepFrame>
      <TextField name="name" label="Full name" />
    </StepFrame>
  ),
  email: () => (
    <StepFrame>
      <TextField name="email" label="Email address" type="email" />
    </StepFrame>
  ),
  check: Check,
}

export function CheckAnswers() {
  const workflow = useWorkflow(application)
  return (
    <WorkflowProvider workflow={workflow}>
      <WorkflowSteps steps={steps} done={() => <p role="status">Application sent.</p>} />
    </WorkflowProvider>
  )
}
