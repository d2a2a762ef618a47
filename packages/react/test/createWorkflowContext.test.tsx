// biome-ignore-all lint/correctness/noComponentHookFactories: test components close over the workflow of their test
import { createWorkflow, defineWorkflow } from '@flowkit/core'
import { act, render, screen } from '@testing-library/react'
import { describe, expect, it, vi } from 'vitest'
import { createWorkflowContext } from '../src'
import { checkout, modes, renderIn } from './fixtures'

const Checkout = createWorkflowContext(checkout)

function Total() {
  const email = Checkout.useWorkflowState((s) => s.state.email)
  return <p>email: {email || 'none'}</p>
}

describe.each(modes)('createWorkflowContext %s', (_, strict) => {
  it('creates the instance in its Provider and types the hooks to the definition', async () => {
    let workflow: ReturnType<typeof Checkout.useWorkflowInstance> | undefined
    function Grab() {
      workflow = Checkout.useWorkflowInstance()
      return null
    }
    renderIn(
      strict,
      <Checkout.Provider>
        <Grab />
        <Total />
        <Checkout.WorkflowStep name="shipping">
          <p>shipping page</p>
        </Checkout.WorkflowStep>
      </Checkout.Provider>,
    )
    await act(() => workflow?.run({ cart: {}, shipping: { email: 'ada@example.com' } }))
    expect(screen.getByText('email: ada@example.com')).toBeInTheDocument()
  })

  it('binds a given instance', () => {
    const workflow = createWorkflow(checkout)
    renderIn(
      strict,
      <Checkout.Provider workflow={workflow}>
        <Checkout.WorkflowSteps steps={{ cart: () => <p>cart page</p> }} />
      </Checkout.Provider>,
    )
    expect(screen.getByText('cart page')).toBeInTheDocument()
  })
})

it('says so when its hooks are used under the provider of another workflow', () => {
  vi.spyOn(console, 'error').mockImplementation(() => {})
  const other = defineWorkflow({ id: 'signup', initial: 'a', state: {}, steps: { a: { final: true } } })
  const Signup = createWorkflowContext(other)
  expect(() =>
    render(
      <Signup.Provider>
        <Total />
      </Signup.Provider>,
    ),
  ).toThrow("hooks of createWorkflowContext(checkout) are used under a provider of workflow 'signup'")
})
