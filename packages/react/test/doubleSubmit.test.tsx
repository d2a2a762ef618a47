import { createWorkflow, defineWorkflow } from '@flowkit/core'
import { act, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { useStep, useWorkflowState, WorkflowDone, WorkflowErrorSummary, WorkflowProvider, WorkflowStep } from '../src'
import { modes, renderIn } from './fixtures'

/** Who it is for, then where (a street is required), then how (its default is a valid answer), then done. */
const parcel = defineWorkflow({
  id: 'parcel',
  initial: 'name',
  state: { name: '', street: '', speed: 'standard' },
  steps: {
    name: { title: 'Who should we send it to?', validate: z.object({ name: z.string().min(1, 'Enter a name') }), next: 'street' },
    street: { title: 'Where should we send it?', validate: z.object({ street: z.string().min(1, 'Enter a street') }), next: 'speed' },
    speed: { title: 'How should it arrive?', next: 'review' },
    review: { title: 'Check your answers', final: true },
  },
})

const fieldOf: Record<string, string | undefined> = { name: 'name', street: 'street', speed: 'speed' }

/** One frame for every step, as many apps have: the heading and the Continue button stay the same elements across steps. */
function Frame() {
  const { title, field, submit, headingProps, step } = useStep()
  const path = fieldOf[step]
  return (
    <form onSubmit={submit}>
      <h1 {...headingProps}>{title}</h1>
      <WorkflowErrorSummary />
      {path && (
        <label>
          Answer <input {...field(path)} />
        </label>
      )}
      <button type="submit">Continue</button>
    </form>
  )
}

function Shell() {
  const step = useWorkflowState((s) => s.step)
  return (
    <>
      <WorkflowStep name={step}>
        <Frame />
      </WorkflowStep>
      <WorkflowDone>
        <h1>Thank you</h1>
      </WorkflowDone>
    </>
  )
}

const start = (strict: boolean, at: Parameters<typeof createWorkflow>[1] = {}) => {
  const workflow = createWorkflow(parcel, at)
  renderIn(
    strict,
    <WorkflowProvider workflow={workflow}>
      <Shell />
    </WorkflowProvider>,
  )
  return workflow
}

const heading = (name: string) => screen.getByRole('heading', { level: 1, name })

describe.each(modes)('a double click on Continue %s', (_, strict) => {
  it('completes one step, shows no error for the next one and leaves focus on its heading', async () => {
    const workflow = start(strict)
    await userEvent.type(screen.getByLabelText('Answer'), 'Ada')
    await userEvent.dblClick(screen.getByRole('button', { name: 'Continue' }))
    expect(workflow.getSnapshot().step).toBe('street')
    expect(workflow.getSnapshot().issues).toEqual({})
    expect(screen.queryByRole('alert')).toBeNull()
    expect(heading('Where should we send it?')).toHaveFocus()
  })

  it('does not complete the next step when its answers would be accepted as they stand', async () => {
    const workflow = start(strict)
    await act(() => workflow.next({ name: 'Ada' }))
    await userEvent.type(screen.getByLabelText('Answer'), '1 Analytical Row')
    await userEvent.dblClick(screen.getByRole('button', { name: 'Continue' }))
    expect(workflow.getSnapshot().step).toBe('speed')
    expect(heading('How should it arrive?')).toHaveFocus()
  })

  it('moves focus to the done screen and no further when it completes the final step', async () => {
    const workflow = start(strict)
    await act(() => workflow.next({ name: 'Ada' }))
    await act(() => workflow.next({ street: '1 Analytical Row' }))
    await act(() => workflow.next({}))
    await userEvent.dblClick(screen.getByRole('button', { name: 'Continue' }))
    expect(workflow.getSnapshot().status).toBe('done')
    expect(heading('Thank you')).toHaveFocus()
  })

  it('leaves a later, separate click alone: the next step submits as usual', async () => {
    const workflow = start(strict)
    await userEvent.type(screen.getByLabelText('Answer'), 'Ada')
    await userEvent.dblClick(screen.getByRole('button', { name: 'Continue' }))
    await userEvent.click(screen.getByRole('button', { name: 'Continue' }))
    expect(workflow.getSnapshot().step).toBe('street')
    expect(screen.getByRole('alert')).toHaveFocus() // the street is required: the summary says so and takes focus
  })
})

describe.each(modes)('focus on a step change %s', (_, strict) => {
  it('moves to the heading even when the same heading element stays mounted across steps', async () => {
    start(strict)
    await userEvent.type(screen.getByLabelText('Answer'), 'Ada')
    await userEvent.click(screen.getByRole('button', { name: 'Continue' }))
    expect(heading('Where should we send it?')).toHaveFocus()
  })
})

/** Keeps the `submit` of the step it first rendered in, as a late handler of that step's form would. */
const captured: { submit?: ReturnType<typeof useStep>['submit'] } = {}
function Capture() {
  const { submit } = useStep()
  captured.submit ??= submit
  return null
}

describe.each(modes)("a step's submit after the flow left the step %s", (_, strict) => {
  it('does nothing and resolves to the current snapshot: it never completes the step now shown', async () => {
    Object.assign(captured, { submit: undefined })
    const workflow = createWorkflow(parcel)
    renderIn(
      strict,
      <WorkflowProvider workflow={workflow}>
        <WorkflowStep name="name">
          <Capture />
        </WorkflowStep>
      </WorkflowProvider>,
    )
    const first = captured.submit
    await act(() => workflow.next({ name: 'Ada' }))
    await act(async () => {
      expect(await first?.({ name: 'Grace' })).toBe(workflow.getSnapshot())
    })
    expect(workflow.getSnapshot()).toMatchObject({ step: 'street', state: { name: 'Ada' } })
    expect(workflow.getSnapshot().issues).toEqual({})
  })
})
