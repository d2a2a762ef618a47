// biome-ignore-all lint/correctness/noComponentHookFactories: test components close over the workflow of their test
import { createWorkflow, defineWorkflow } from '@flowkit/core'
import { act, render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it, onTestFinished, vi } from 'vitest'
import { useStep, useWorkflow, WorkflowDone, WorkflowProvider, WorkflowStep, WorkflowSteps } from '../src'
import { family } from './composed'
import { checkout, modes, renderIn } from './fixtures'

function Next({ label = 'Continue' }: { label?: string }) {
  const { submit } = useStep()
  return (
    <button type="button" onClick={() => submit()}>
      {label}
    </button>
  )
}

describe.each(modes)('steps %s', (_, strict) => {
  it('renders only the current step', async () => {
    const workflow = createWorkflow(checkout)
    renderIn(
      strict,
      <WorkflowProvider workflow={workflow}>
        <WorkflowStep name="cart">
          <p>cart page</p>
          <Next />
        </WorkflowStep>
        <WorkflowStep name="shipping">shipping page</WorkflowStep>
      </WorkflowProvider>,
    )
    expect(screen.getByText('cart page')).toBeInTheDocument()
    expect(screen.queryByText('shipping page')).not.toBeInTheDocument()
    await userEvent.click(screen.getByRole('button', { name: 'Continue' }))
    expect(screen.getByText('shipping page')).toBeInTheDocument()
    expect(screen.queryByText('cart page')).not.toBeInTheDocument()
  })

  it('never runs the render function of a skipped step', async () => {
    const Gift = vi.fn(() => <p>gift page</p>)
    const Shipping = () => <p>shipping page</p>
    function Cart() {
      return <Next />
    }
    function App() {
      const workflow = useWorkflow(checkout)
      return (
        <WorkflowProvider workflow={workflow}>
          <WorkflowSteps steps={{ cart: Cart, gift: Gift, shipping: Shipping }} />
        </WorkflowProvider>
      )
    }
    renderIn(strict, <App />)
    await userEvent.click(screen.getByRole('button', { name: 'Continue' }))
    expect(screen.getByText('shipping page')).toBeInTheDocument()
    expect(Gift).not.toHaveBeenCalled()
  })

  it('renders the done content once the final step is completed', async () => {
    const flow = defineWorkflow({ id: 'tiny', initial: 'only', state: {}, steps: { only: { final: true } } })
    const workflow = createWorkflow(flow)
    renderIn(
      strict,
      <WorkflowProvider workflow={workflow}>
        <WorkflowSteps steps={{ only: () => <Next label="Finish" /> }} done={() => <p>all done</p>} />
        <WorkflowDone>
          <p>thanks</p>
        </WorkflowDone>
      </WorkflowProvider>,
    )
    expect(screen.queryByText('thanks')).not.toBeInTheDocument()
    await userEvent.click(screen.getByRole('button', { name: 'Finish' }))
    expect(screen.getByText('all done')).toBeInTheDocument()
    expect(screen.getByText('thanks')).toBeInTheDocument()
  })

  it('remounts a component shared by two steps, so local state does not leak', async () => {
    const workflow = createWorkflow(checkout)
    const mounts = vi.fn()
    function Shared() {
      const { step } = useStep()
      mounts(step)
      return <p>{step}</p>
    }
    renderIn(
      strict,
      <WorkflowProvider workflow={workflow}>
        <WorkflowSteps steps={{ cart: Shared, shipping: Shared }} />
      </WorkflowProvider>,
    )
    await act(() => workflow.next())
    expect(screen.getByText('shipping')).toBeInTheDocument()
  })
})

describe.each(modes)('a step without a component %s', (_, strict) => {
  const twoSteps = defineWorkflow({ id: 'two-steps', initial: 'one', state: {}, steps: { one: { next: 'two' }, two: { final: true } } })
  function Plain() {
    return <Next />
  }

  it('reports the step, the keys given and the fix on the console once, and renders nothing', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {})
    onTestFinished(() => errors.mockRestore())
    const workflow = createWorkflow(twoSteps)
    const { rerender } = renderIn(
      strict,
      <WorkflowProvider workflow={workflow}>
        <WorkflowSteps steps={{ one: Plain }} />
      </WorkflowProvider>,
    )
    expect(errors).not.toHaveBeenCalled()
    await userEvent.click(screen.getByRole('button', { name: 'Continue' }))
    expect(workflow.getSnapshot().step).toBe('two')
    expect(screen.queryByRole('button')).not.toBeInTheDocument()
    rerender(
      <WorkflowProvider workflow={workflow}>
        <WorkflowSteps steps={{ one: Plain }} />
      </WorkflowProvider>,
    )
    expect(errors).toHaveBeenCalledTimes(1)
    expect(errors).toHaveBeenCalledWith(
      "<WorkflowSteps steps>: workflow 'two-steps' is at step 'two', which has no component, so nothing is rendered. " +
        "Keys given: one. Add 'two' to steps, or pass missing={Component} to render something for steps without one.",
    )
  })

  it("names the keys a repeat item's step answers to", async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {})
    onTestFinished(() => errors.mockRestore())
    const workflow = createWorkflow(family())
    await workflow.next()
    await workflow.next({ action: 'add' })
    renderIn(
      strict,
      <WorkflowProvider workflow={workflow}>
        <WorkflowSteps steps={{ about: Plain, dependants: Plain }} />
      </WorkflowProvider>,
    )
    expect(errors).toHaveBeenCalledTimes(1)
    expect(errors.mock.calls[0]?.[0]).toContain(
      "at step 'dependants.0.name', which has no component, so nothing is rendered. Keys given: about, dependants. " +
        "Add 'dependants.0.name' (or one of dependants.*.name, dependant.name, dependants.*) to steps",
    )
  })

  it('says nothing when `missing` renders such steps', async () => {
    const errors = vi.spyOn(console, 'error')
    onTestFinished(() => errors.mockRestore())
    const workflow = createWorkflow(twoSteps)
    renderIn(
      strict,
      <WorkflowProvider workflow={workflow}>
        <WorkflowSteps steps={{ one: Plain }} missing={() => <p>No screen yet</p>} />
      </WorkflowProvider>,
    )
    await userEvent.click(screen.getByRole('button', { name: 'Continue' }))
    expect(screen.getByText('No screen yet')).toBeInTheDocument()
    expect(errors).not.toHaveBeenCalled()
  })
})

describe('mistakes', () => {
  const silence = () => vi.spyOn(console, 'error').mockImplementation(() => {})

  it('names the unknown step, lists the defined ones and suggests the nearest', () => {
    silence()
    const workflow = createWorkflow(checkout)
    expect(() =>
      render(
        <WorkflowProvider workflow={workflow}>
          <WorkflowStep name="paymnt">x</WorkflowStep>
        </WorkflowProvider>,
      ),
    ).toThrow(
      `<WorkflowStep name="paymnt"> in workflow 'checkout': there is no such step; defined steps: cart, gift, shipping, address, payment, review. Did you mean 'payment'?`,
    )
    expect(() =>
      render(
        <WorkflowProvider workflow={workflow}>
          <WorkflowSteps steps={{ carts: () => null } as never} />
        </WorkflowProvider>,
      ),
    ).toThrow(
      "<WorkflowSteps steps> key 'carts' in workflow 'checkout': there is no such step; defined steps: cart, gift, shipping, address, payment, review. Did you mean 'cart'?",
    )
  })

  it('says how to fix a hook used outside a provider or a step', () => {
    silence()
    const workflow = createWorkflow(checkout)
    function Orphan() {
      useStep()
      return null
    }
    expect(() => render(<Orphan />)).toThrow('must be used inside <WorkflowProvider workflow={...}>')
    expect(() =>
      render(
        <WorkflowProvider workflow={workflow}>
          <Orphan />
        </WorkflowProvider>,
      ),
    ).toThrow(`useStep() must be used in a step's content: render it inside <WorkflowStep name="...">`)
  })

  it('rejects something that is neither a definition nor a workflow', () => {
    silence()
    function Bad() {
      useWorkflow(42 as never)
      return null
    }
    expect(() => render(<Bad />)).toThrow(
      'useWorkflow() needs a definition from defineWorkflow({ ... }) or a workflow from createWorkflow(definition); got number.',
    )
  })
})
