import { createWorkflow, defineWorkflow } from '@flowkit/core'
import { screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { useField, useStep, WorkflowProvider, WorkflowSteps } from '../src'
import { modes, renderIn } from './fixtures'

const signup = defineWorkflow({
  id: 'signup',
  initial: 'details',
  state: { email: '', name: 'Ada', plan: 'solo' as 'solo' | 'team' },
  steps: {
    details: {
      title: 'Details',
      validate: z.object({
        email: z.string().email('Enter an email address like ada@example.com'),
        name: z.string().min(1, 'Enter your name'),
        newsletter: z.enum(['yes', 'no']).default('no'),
      }),
      next: 'plan',
    },
    plan: { title: 'Plan', next: 'done' },
    done: { title: 'Done', final: true },
  },
})

function Details() {
  const { field, submit, issues, values } = useStep<{ email: string; name: string; newsletter: 'yes' | 'no' }>()
  const name = useField<string>('name')
  return (
    <form onSubmit={submit} noValidate>
      <label htmlFor={field('email').id}>Email</label>
      <input {...field('email')} />
      {issues.email && <p>{issues.email[0]}</p>}
      <label htmlFor={name.id}>Name</label>
      <input {...name.props} />
      <label>
        <input {...field('newsletter', { type: 'radio', option: 'yes' })} /> Send me news
      </label>
      <label>
        <input {...field('newsletter', { type: 'radio', option: 'no' })} /> No news
      </label>
      <output aria-label="values">{JSON.stringify(values)}</output>
      <button type="submit">Continue</button>
    </form>
  )
}

function Plan() {
  const { field, submit } = useStep()
  return (
    <form onSubmit={submit}>
      <label>
        <input {...field('plan', { type: 'radio', option: 'solo' })} /> Solo
      </label>
      <label>
        <input {...field('plan', { type: 'radio', option: 'team' })} /> Team
      </label>
      <button type="submit">Continue</button>
    </form>
  )
}

const show = (strict: boolean, workflow = createWorkflow(signup)) => {
  renderIn(
    strict,
    <WorkflowProvider workflow={workflow}>
      <WorkflowSteps steps={{ details: Details, plan: Plan }} />
    </WorkflowProvider>,
  )
  return workflow
}

describe.each(modes)('initial values %s', (_, strict) => {
  it("prefill the fields from the flow's state and the schema's defaults", () => {
    show(strict)
    expect(screen.getByLabelText('Email')).toHaveValue('')
    expect(screen.getByLabelText('Name')).toHaveValue('Ada')
    expect(screen.getByLabelText('No news')).toBeChecked()
    expect(JSON.parse(screen.getByLabelText('values').textContent ?? '')).toEqual({ email: '', name: 'Ada', newsletter: 'no' })
  })

  it("are what an untouched form submits, so the schema's own message shows", async () => {
    const user = userEvent.setup()
    const workflow = show(strict)
    await user.click(screen.getByRole('button', { name: 'Continue' }))
    expect(screen.getByText('Enter an email address like ada@example.com')).toBeInTheDocument()
    expect(workflow.getSnapshot().issues).toEqual({ email: ['Enter an email address like ada@example.com'] })
  })

  it('give way to what the user typed, and are submitted with it', async () => {
    const user = userEvent.setup()
    const workflow = show(strict)
    await user.type(screen.getByLabelText('Email'), 'ada@example.com')
    await user.click(screen.getByRole('button', { name: 'Continue' }))
    expect(workflow.getSnapshot().step).toBe('plan')
    expect(workflow.getSnapshot().state).toMatchObject({ email: 'ada@example.com', name: 'Ada', newsletter: 'no' })
  })

  it('select a default radio from the state in a step without a schema', async () => {
    const user = userEvent.setup()
    const workflow = createWorkflow(signup)
    await workflow.next({ email: 'ada@example.com', name: 'Ada' })
    show(strict, workflow)
    expect(screen.getByLabelText('Solo')).toBeChecked()
    await user.click(screen.getByRole('button', { name: 'Continue' }))
    expect(workflow.getSnapshot().drafts.plan).toEqual({ plan: 'solo' })
  })
})
