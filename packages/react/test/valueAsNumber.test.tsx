import { createWorkflow, defineWorkflow } from '@flowkit/core'
import { screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import type { ComponentType } from 'react'
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { useField, useStep, WorkflowProvider, WorkflowSteps } from '../src'
import { modes, renderIn } from './fixtures'

const team = defineWorkflow({
  id: 'team',
  initial: 'size',
  state: { teamSize: undefined as number | undefined, budget: undefined as number | undefined },
  steps: {
    size: {
      validate: z.object({
        teamSize: z.number({ error: 'Enter a team size as a number' }).int().min(1),
        budget: z.number({ error: 'Enter a budget' }).optional(),
      }),
      next: 'done',
    },
    done: { final: true },
  },
})

let seen: unknown
/** A number input bound with `field()`, another with `useField`. */
function Size() {
  const { field, values, submit, issues } = useStep<{ teamSize: number; budget: number }>()
  const budget = useField<number>('budget', { valueAsNumber: true })
  seen = values.teamSize
  return (
    <form onSubmit={submit}>
      <label>
        Team size <input type="number" {...field('teamSize', { valueAsNumber: true })} />
      </label>
      {issues.teamSize && <p>{issues.teamSize[0]}</p>}
      <label>
        Budget <input type="number" step="0.01" {...budget.props} />
      </label>
      <button type="submit">Continue</button>
    </form>
  )
}

/** A text input in number mode, where any text can be typed. */
function TextSize() {
  const { field, submit, issues } = useStep()
  return (
    <form onSubmit={submit}>
      <label>
        Team size <input inputMode="numeric" {...field('teamSize', { valueAsNumber: true })} />
      </label>
      {issues.teamSize && <p>{issues.teamSize[0]}</p>}
      <button type="submit">Continue</button>
    </form>
  )
}

const render = (strict: boolean, Step: ComponentType = Size) => {
  const workflow = createWorkflow(team)
  renderIn(
    strict,
    <WorkflowProvider workflow={workflow}>
      <WorkflowSteps steps={{ size: Step }} missing={() => <p>Thanks</p>} />
    </WorkflowProvider>,
  )
  return workflow
}

describe.each(modes)('valueAsNumber %s', (_, strict) => {
  it('stores what is typed as a number: in the draft, in values and, once submitted, in the state', async () => {
    const user = userEvent.setup()
    const workflow = render(strict)
    await user.type(screen.getByLabelText('Team size'), '12')
    await user.type(screen.getByLabelText('Budget'), '1.50')
    expect(workflow.getSnapshot().drafts.size).toEqual({ teamSize: 12, budget: 1.5 })
    expect(seen).toBe(12)
    // The input keeps the text typed while it means the number stored.
    expect(screen.getByLabelText('Budget')).toHaveValue(1.5)
    expect((screen.getByLabelText('Budget') as HTMLInputElement).value).toBe('1.50')
    await user.click(screen.getByRole('button', { name: 'Continue' }))
    expect(screen.getByText('Thanks')).toBeInTheDocument()
    expect(workflow.getSnapshot().state).toEqual({ teamSize: 12, budget: 1.5 })
  })

  it('stores an emptied input as no value (undefined), never 0 or NaN', async () => {
    const user = userEvent.setup()
    const workflow = render(strict)
    await user.type(screen.getByLabelText('Team size'), '3')
    await user.clear(screen.getByLabelText('Team size'))
    expect(workflow.getSnapshot().drafts.size).toEqual({})
    expect(screen.getByLabelText('Team size')).toHaveValue(null)
    expect(seen).toBeUndefined()
    await user.click(screen.getByRole('button', { name: 'Continue' }))
    expect(screen.getByText('Enter a team size as a number')).toBeInTheDocument()
    expect(workflow.getSnapshot().step).toBe('size')
  })

  it('keeps text that is not a number as typed, for the schema to reject', async () => {
    const user = userEvent.setup()
    const workflow = render(strict, TextSize)
    await user.type(screen.getByLabelText('Team size'), 'ten')
    expect(workflow.getSnapshot().drafts.size).toEqual({ teamSize: 'ten' })
    expect(screen.getByLabelText('Team size')).toHaveValue('ten')
    await user.click(screen.getByRole('button', { name: 'Continue' }))
    expect(screen.getByText('Enter a team size as a number')).toBeInTheDocument()
    expect(screen.getByLabelText('Team size')).toHaveAttribute('aria-invalid', 'true')
    await user.clear(screen.getByLabelText('Team size'))
    await user.type(screen.getByLabelText('Team size'), '4')
    await user.click(screen.getByRole('button', { name: 'Continue' }))
    expect(workflow.getSnapshot().state.teamSize).toBe(4)
  })
})
