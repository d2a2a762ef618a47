import { defineWorkflow } from '@flowkit/core'
import { StepHeading, useStep, useWorkflow, WorkflowProvider, WorkflowSteps } from '@flowkit/react'
import { useForm } from '@tanstack/react-form'
import { z } from 'zod'

const accountSchema = z.object({
  username: z.string().min(3, { error: 'At least 3 characters' }),
})
type Account = z.infer<typeof accountSchema>

export const account = defineWorkflow({
  id: 'tanstack-account',
  initial: 'account',
  state: { username: '' },
  steps: {
    account: { title: 'Choose a username', validate: accountSchema, next: 'done' },
    done: { title: 'All set', final: true },
  },
})

/**
 * TanStack Form takes the same Standard Schema as its submit validator, starts from the step's draft,
 * and copies each change into the draft (`listeners.onChange`), so going back keeps what was typed.
 */
function AccountStep() {
  const step = useStep<Account>()
  const form = useForm({
    defaultValues: { username: '', ...step.getValues() } as Account,
    validators: { onSubmit: accountSchema },
    listeners: { onChange: ({ formApi }) => step.setValues(formApi.state.values) },
    onSubmit: ({ value }) => step.submit(value),
  })
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault()
        void form.handleSubmit()
      }}
      noValidate
    >
      <StepHeading as="h2">{step.title}</StepHeading>
      <form.Field name="username">
        {(field) => {
          const error = field.state.meta.errors[0]?.message
          return (
            <p className="fk-field">
              <label htmlFor="tsf-username">Username</label>
              {error && <span id="tsf-username-error">{error}</span>}
              <input
                id="tsf-username"
                name={field.name}
                value={field.state.value}
                aria-invalid={error ? true : undefined}
                aria-describedby={error ? 'tsf-username-error' : undefined}
                onBlur={field.handleBlur}
                onChange={(e) => field.handleChange(e.target.value)}
              />
            </p>
          )
        }}
      </form.Field>
      <button type="submit">Continue</button>
    </form>
  )
}

function Done() {
  const { back, title, submit } = useStep()
  return (
    <form onSubmit={submit}>
      <button type="button" onClick={back}>
        Back
      </button>
      <StepHeading as="h2">{title}</StepHeading>
      <button type="submit">Finish</button>
    </form>
  )
}

export function TanStackFormExample() {
  const workflow = useWorkflow(account)
  return (
    <WorkflowProvider workflow={workflow}>
      <WorkflowSteps steps={{ account: AccountStep, done: Done }} done={() => <p>Welcome.</p>} />
    </WorkflowProvider>
  )
}
