// biome-ignore-all lint/correctness/noComponentHookFactories: test components close over the workflow of their test
import { createWorkflow, defineWorkflow } from '@flowkit/core'
import { act, render, screen } from '@testing-library/react'
import { describe, expect, it, vi } from 'vitest'
import { createWorkflowContext } from '../src'
import { checkout, modes, renderIn } from './fixtures'

const Checkout = createWorkflowContext(checkout)
const Order = createWorkflowContext(
  defineWorkflow({
    id: 'order',
    initial: 'email',
    state: { email: '', card: '' },
    steps: { email: { next: 'card' }, card: { next: 'review' }, review: { next: 'done' }, done: { final: true } },
  }),
)

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

  it('types check answers to the definition and returns to the step it was called from', async () => {
    const workflow = createWorkflow(Order.definition)
    await workflow.run({ email: { email: 'ada@example.com' }, card: { card: '4242' } }, { until: 'review' })
    expect(workflow.getSnapshot().step).toBe('review')
    let api: ReturnType<typeof Order.useCheckAnswers> | undefined
    function Review() {
      api = Order.useCheckAnswers()
      // @ts-expect-error: not a step of the order definition
      if (api.returning === 'emial') return null
      return <p>review page</p>
    }
    let submit: ReturnType<typeof Order.useStep>['submit'] | undefined
    function Email() {
      const { returning } = Order.useCheckAnswers()
      submit = Order.useStep().submit
      return <p>email page, back to {returning ?? 'nothing'}</p>
    }
    renderIn(
      strict,
      <Order.Provider workflow={workflow}>
        <Order.WorkflowSteps steps={{ review: Review, email: Email }} />
      </Order.Provider>,
    )
    expect(screen.getByText('review page')).toBeInTheDocument()
    // @ts-expect-error: not a step of the order definition
    expect(() => api?.change('emial')).toThrow(
      "goTo('emial'): there is no such step; defined steps: email, card, review, done. Did you mean 'email'?",
    )
    act(() => api?.change('email'))
    expect(screen.getByText('email page, back to review')).toBeInTheDocument()
    await act(async () => void (await submit?.({ email: 'grace@example.com' })))
    expect(workflow.getSnapshot().step).toBe('review')
    expect(workflow.getSnapshot().state.email).toBe('grace@example.com')
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
