import { createWorkflow, isWorkflowError } from '@flowkit/core'
import { render, screen } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { useStepGroup, WorkflowProvider, WorkflowStep, WorkflowSteps } from '../src'
import { family, order } from './composed'
import { modes, renderIn } from './fixtures'

function Shows({ label }: { label: string }) {
  const { step } = useStepGroup()
  return <p>{`${label} ${step}`}</p>
}
const shows = (label: string) => () => <Shows label={label} />

const at = async (steps: readonly string[], inputs: readonly unknown[]) => {
  const workflow = createWorkflow(family())
  for (const input of inputs) await workflow.next(input)
  expect(steps).toContain(workflow.getSnapshot().step)
  return workflow
}

describe.each(modes)('WorkflowSteps with child steps %s', (_, strict) => {
  it("a sub-flow's step id renders all its steps; an exact child id wins", async () => {
    const workflow = createWorkflow(order)
    renderIn(
      strict,
      <WorkflowProvider workflow={workflow}>
        <WorkflowSteps
          steps={{ cart: shows('cart'), shipping: shows('address'), billing: shows('address'), 'billing.city': shows('exact') }}
        />
      </WorkflowProvider>,
    )
    await workflow.next()
    expect(screen.getByText('address shipping.street')).toBeInTheDocument()
    await workflow.next({ street: '1 Main St' })
    expect(screen.getByText('address shipping.city')).toBeInTheDocument()
    await workflow.next({ city: 'Paris' })
    expect(screen.getByText('address billing.street')).toBeInTheDocument()
    await workflow.next({ street: '9 Bank Rd' })
    expect(screen.getByText('exact billing.city')).toBeInTheDocument()
  })

  it("a child flow's step (address.street) renders wherever that flow is used", async () => {
    const workflow = createWorkflow(order)
    await workflow.next()
    renderIn(
      strict,
      <WorkflowProvider workflow={workflow}>
        <WorkflowSteps steps={{ 'address.street': shows('street'), 'address.city': shows('city') }} />
      </WorkflowProvider>,
    )
    expect(screen.getByText('street shipping.street')).toBeInTheDocument()
    await workflow.next({ street: '1 Main St' })
    await workflow.next({ city: 'Paris' })
    expect(screen.getByText('street billing.street')).toBeInTheDocument()
  })

  it('precedence: id, then item template, then child flow step, then group', async () => {
    const all = {
      'dependants.1.name': shows('id'),
      'dependants.*.name': shows('template'),
      'dependant.name': shows('flow'),
      'dependants.*': shows('group'),
    }
    const cases: [Partial<typeof all>, string][] = [
      [all, 'id'],
      [{ ...all, 'dependants.1.name': undefined }, 'template'],
      [{ 'dependant.name': all['dependant.name'], 'dependants.*': all['dependants.*'] }, 'flow'],
      [{ 'dependants.*': all['dependants.*'] }, 'group'],
    ]
    const workflow = await at(['dependants.1.name'], [undefined, { action: 'add' }, { name: 'Ada' }, { age: 7 }, { action: 'add' }])
    for (const [steps, expected] of cases) {
      const view = renderIn(
        strict,
        <WorkflowProvider workflow={workflow}>
          <WorkflowSteps steps={steps} />
        </WorkflowProvider>,
      )
      expect(screen.getByText(`${expected} dependants.1.name`)).toBeInTheDocument()
      view.unmount()
    }
  })

  it("a repeat's id is its summary, not its items", async () => {
    const workflow = await at(['dependants'], [undefined])
    const missing = () => <p>no screen</p>
    renderIn(
      strict,
      <WorkflowProvider workflow={workflow}>
        <WorkflowSteps steps={{ dependants: shows('summary') }} missing={missing} />
      </WorkflowProvider>,
    )
    expect(screen.getByText('summary dependants')).toBeInTheDocument()
    await workflow.next({ action: 'add' })
    expect(screen.getByText('no screen')).toBeInTheDocument()
  })

  it('<WorkflowStep name> takes a group or a template and gives its children the current step', async () => {
    const workflow = createWorkflow(order)
    renderIn(
      strict,
      <WorkflowProvider workflow={workflow}>
        <WorkflowStep name="billing">
          <Shows label="billing" />
        </WorkflowStep>
        <WorkflowStep name="address.city">
          <Shows label="city" />
        </WorkflowStep>
      </WorkflowProvider>,
    )
    await workflow.next()
    await workflow.next({ street: '1 Main St' })
    expect(screen.getByText('city shipping.city')).toBeInTheDocument()
    expect(screen.queryByText(/^billing/)).not.toBeInTheDocument()
    await workflow.next({ city: 'Paris' })
    expect(screen.getByText('billing billing.street')).toBeInTheDocument()
    await workflow.next({ street: '9 Bank Rd' })
    expect(screen.getByText('billing billing.city')).toBeInTheDocument()
    expect(screen.getByText('city billing.city')).toBeInTheDocument()
  })
})

describe('child step names that match nothing', () => {
  it('throw UNKNOWN_STEP with a suggestion and the known templates, not every item slot', () => {
    const workflow = createWorkflow(family())
    let error: unknown
    try {
      render(
        <WorkflowProvider workflow={workflow}>
          <WorkflowSteps steps={{ 'dependants.*.nam': shows('x') }} />
        </WorkflowProvider>,
      )
    } catch (e) {
      error = e
    }
    expect(isWorkflowError(error) && error.code).toBe('UNKNOWN_STEP')
    const message = (error as Error).message
    expect(message).toMatch(/has no step, child template or group 'dependants\.\*\.nam'\. Did you mean 'dependants\.\*\.name'\?/)
    expect(message).toContain('dependant.age')
    expect(message).not.toContain('dependants.2.age')
  })
})
