// biome-ignore-all lint/correctness/noComponentHookFactories: test components close over the values of their test
import { createWorkflow, isWorkflowError } from '@flowkit/core'
import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { useStep, useStepGroup, WorkflowProvider, WorkflowSteps } from '../src'
import { family, order } from './composed'
import { modes, renderIn } from './fixtures'

/** Written once for the address flow's street step. */
function Street() {
  const { group, local, step } = useStepGroup()
  const { field, submit } = useStep<{ street: string }>()
  return (
    <form onSubmit={submit} aria-label={step}>
      <h1>
        {group?.title}: {local}
      </h1>
      <input aria-label="Street" {...field('street')} />
      <button type="submit">Save</button>
    </form>
  )
}

describe.each(modes)('useStepGroup %s', (_, strict) => {
  it('one component renders the same child step of two sub-flows, each with its own data', async () => {
    const workflow = createWorkflow(order)
    await workflow.next()
    renderIn(
      strict,
      <WorkflowProvider workflow={workflow}>
        <WorkflowSteps steps={{ 'shipping.street': Street, 'billing.street': Street }} />
      </WorkflowProvider>,
    )
    expect(screen.getByRole('heading')).toHaveTextContent('Delivery address: street')
    await userEvent.type(screen.getByLabelText('Street'), '1 Main St')
    await userEvent.click(screen.getByRole('button', { name: 'Save' }))
    await workflow.next({ city: 'Paris' })
    expect(screen.getByRole('heading')).toHaveTextContent('Billing address: street')
    // The billing street reads `state.billing`, not the shipping street.
    expect(screen.getByLabelText('Street')).toHaveValue('')
    await userEvent.type(screen.getByLabelText('Street'), '9 Bank Rd')
    await userEvent.click(screen.getByRole('button', { name: 'Save' }))
    expect(workflow.getSnapshot().state).toMatchObject({ shipping: { street: '1 Main St' }, billing: { street: '9 Bank Rd' } })
  })

  it('names the item of a repeat, and is empty for a step of the flow itself', () => {
    const workflow = createWorkflow(family())
    let seen: unknown
    function Probe({ step }: { step: string }) {
      const { groups, ...rest } = useStepGroup(step)
      seen = { ...rest, kinds: groups.map((g) => g.kind) }
      return null
    }
    render(
      <WorkflowProvider workflow={workflow}>
        <Probe step="dependants.2.age" />
      </WorkflowProvider>,
    )
    expect(seen).toMatchObject({
      step: 'dependants.2.age',
      local: 'age',
      item: 2,
      kinds: ['repeat'],
      group: { step: 'dependants', title: 'Dependants', flow: 'dependant', key: 'dependants' },
    })
    render(
      <WorkflowProvider workflow={workflow}>
        <Probe step="about" />
      </WorkflowProvider>,
    )
    expect(seen).toEqual({ step: 'about', local: 'about', group: undefined, item: undefined, kinds: [] })
  })

  it('throws NO_STEP outside a step without an id', () => {
    const workflow = createWorkflow(order)
    function Outside() {
      useStepGroup()
      return null
    }
    let error: unknown
    try {
      render(
        <WorkflowProvider workflow={workflow}>
          <Outside />
        </WorkflowProvider>,
      )
    } catch (e) {
      error = e
    }
    expect(isWorkflowError(error) && error.code).toBe('NO_STEP')
  })
})
