// biome-ignore-all lint/correctness/noComponentHookFactories: test components close over the workflow or storage of their test
import { createWorkflow } from '@flowkit/core'
import { act, screen } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { type StepApi, useStep, WorkflowProvider, WorkflowStep } from '../src'
import { checkout, modes, renderIn } from './fixtures'

describe.each(modes)('validating a step without moving %s', (_, strict) => {
  const setup = async () => {
    const workflow = createWorkflow(checkout)
    await workflow.next()
    const api: { current?: StepApi } = {}
    function Page() {
      api.current = useStep()
      return <p>{api.current.step}</p>
    }
    renderIn(
      strict,
      <WorkflowProvider workflow={workflow}>
        <WorkflowStep name="cart">
          <Page />
        </WorkflowStep>
        <WorkflowStep name="shipping">
          <Page />
        </WorkflowStep>
      </WorkflowProvider>,
    )
    return { workflow, step: () => api.current as StepApi }
  }

  it("reports the schema's messages by field and leaves the flow as it was", async () => {
    const { workflow, step } = await setup()
    const before = workflow.getSnapshot()
    const result = await act(() => step().validate({ email: 'ada' }))
    expect(result).toEqual({ valid: false, issues: { email: ['Enter an email address like ada@example.com'] } })
    expect(workflow.getSnapshot()).toBe(before)
    expect(screen.getByText('shipping')).toBeInTheDocument()
  })

  it('checks the current values when given no input, and returns the parsed value when valid', async () => {
    const { workflow, step } = await setup()
    expect((await step().validate()).valid).toBe(false) // the state's empty email
    act(() => workflow.setDraft('shipping', { email: 'ada@example.com' }))
    expect(await step().validate()).toEqual({ valid: true, value: { email: 'ada@example.com', delivery: 'post' }, issues: {} })
    expect(workflow.getSnapshot().step).toBe('shipping')
  })

  it('gives the step schema for a form library, and accepts anything in a step without one', async () => {
    const { workflow, step } = await setup()
    expect(step().schema).toBe(checkout.steps.shipping.validate)
    act(() => void workflow.back())
    expect(screen.getByText('cart')).toBeInTheDocument()
    expect(step().schema).toBeUndefined()
    expect(await step().validate({ anything: 1 })).toEqual({ valid: true, value: { anything: 1 }, issues: {} })
  })
})
