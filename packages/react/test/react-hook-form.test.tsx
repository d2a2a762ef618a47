import { createWorkflow } from '@flowkit/core'
import { screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { useEffect } from 'react'
import { useForm } from 'react-hook-form'
import { describe, expect, it } from 'vitest'
import { useStep, WorkflowProvider, WorkflowSteps } from '../src'
import { checkout, modes, renderIn } from './fixtures'

interface ShippingForm {
  email: string
  delivery: 'post' | 'pickup'
}

/** react-hook-form owns the inputs; the step gives it defaults from the draft, keeps the draft and runs the engine on submit. */
function Shipping() {
  const step = useStep<ShippingForm>()
  const form = useForm<ShippingForm>({ defaultValues: { delivery: 'post', ...step.getValues() } })
  // Keep what is typed in the workflow's draft, so it survives back() and reload.
  useEffect(() => {
    const { unsubscribe } = form.watch((values) => step.setValues(values as Partial<ShippingForm>))
    return unsubscribe
  }, [form, step.setValues])
  // Show the engine's validation (the step's schema) through react-hook-form.
  useEffect(() => {
    for (const [path, messages] of Object.entries(step.issues)) form.setError(path as keyof ShippingForm, { message: messages[0] })
  }, [step.issues, form])
  return (
    <form onSubmit={form.handleSubmit((values) => step.submit(values))}>
      <label htmlFor="email">Email</label>
      <input id="email" {...form.register('email')} />
      {form.formState.errors.email && <p>{form.formState.errors.email.message}</p>}
      <button type="submit">Continue</button>
    </form>
  )
}

function Address() {
  const { back } = useStep()
  return (
    <button type="button" onClick={back}>
      Back
    </button>
  )
}

describe.each(modes)('react-hook-form %s', (_, strict) => {
  it('validates with the step schema, submits through the step and keeps the draft', async () => {
    const user = userEvent.setup()
    const workflow = createWorkflow(checkout)
    await workflow.next()
    renderIn(
      strict,
      <WorkflowProvider workflow={workflow}>
        <WorkflowSteps steps={{ shipping: Shipping, address: Address }} />
      </WorkflowProvider>,
    )
    await user.type(screen.getByLabelText('Email'), 'ada')
    await user.click(screen.getByRole('button', { name: 'Continue' }))
    expect(await screen.findByText('Enter an email address like ada@example.com')).toBeInTheDocument()
    expect(workflow.getSnapshot().step).toBe('shipping')
    await user.type(screen.getByLabelText('Email'), '@example.com')
    await user.click(screen.getByRole('button', { name: 'Continue' }))
    expect(workflow.getSnapshot().step).toBe('address')
    expect(workflow.getSnapshot().state.email).toBe('ada@example.com')
    await user.click(screen.getByRole('button', { name: 'Back' }))
    expect(screen.getByLabelText('Email')).toHaveValue('ada@example.com')
  })
})
