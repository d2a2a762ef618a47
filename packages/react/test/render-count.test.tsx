import { createWorkflow } from '@flowkit/core'
import { act, render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { Profiler, type ReactNode } from 'react'
import { describe, expect, it } from 'vitest'
import { useField, useStep, WorkflowProgress, WorkflowProvider, WorkflowStepper, WorkflowSteps } from '../src'
import { checkout } from './fixtures'

const commits: Record<string, number> = {}
const count = (id: string) => {
  commits[id] = (commits[id] ?? 0) + 1
}
const Counted = ({ id, children }: { id: string; children: ReactNode }) => (
  <Profiler id={id} onRender={count}>
    {children}
  </Profiler>
)

function Field({ path }: { path: string }) {
  const field = useField(path)
  return <input aria-label={path} {...field.props} />
}

function Shipping() {
  const { submit } = useStep()
  return (
    <form onSubmit={submit}>
      <Counted id="email">
        <Field path="email" />
      </Counted>
      <Counted id="name">
        <Field path="name" />
      </Counted>
      <button type="submit">Continue</button>
    </form>
  )
}

describe('render counts (React.Profiler)', () => {
  it('typing 20 characters commits only the field being typed in', async () => {
    const workflow = createWorkflow(checkout)
    await workflow.next()
    render(
      <Counted id="app">
        <WorkflowProvider workflow={workflow}>
          <Counted id="progress">
            <WorkflowProgress />
          </Counted>
          <Counted id="stepper">
            <WorkflowStepper />
          </Counted>
          <Counted id="step">
            <WorkflowSteps steps={{ shipping: Shipping }} />
          </Counted>
        </WorkflowProvider>
      </Counted>,
    )
    for (const key of Object.keys(commits)) delete commits[key]
    await userEvent.type(screen.getByLabelText('email'), 'ada.lovelace@host.io')
    expect(screen.getByLabelText('email')).toHaveValue('ada.lovelace@host.io')
    expect(commits.email).toBe(20)
    expect(commits.name).toBeUndefined()
    expect(commits.progress).toBeUndefined()
    expect(commits.stepper).toBeUndefined()
    // Profilers above the field report each commit that passes through them; the step's own render function does not run.
    expect(commits.step).toBe(20)
  })

  it('a step change commits once', async () => {
    const workflow = createWorkflow(checkout)
    render(
      <Counted id="app">
        <WorkflowProvider workflow={workflow}>
          <WorkflowProgress />
          <WorkflowStepper />
          <WorkflowSteps steps={{ cart: () => <p>cart</p>, shipping: Shipping }} />
        </WorkflowProvider>
      </Counted>,
    )
    for (const key of Object.keys(commits)) delete commits[key]
    await act(() => workflow.next())
    expect(screen.getByLabelText('email')).toBeInTheDocument()
    expect(commits.app).toBe(1)
  })
})
