// biome-ignore-all lint/correctness/noComponentHookFactories: test components close over the workflow or storage of their test
import { createWorkflow } from '@flowkit/core'
import { memoryStorage, persist } from '@flowkit/core/persist'
import { act, screen } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { useStep, useStepDirection, useWorkflow, WorkflowProvider, WorkflowSteps } from '../src'
import { checkout, modes, renderIn } from './fixtures'

function Page() {
  const { step, direction } = useStep()
  return (
    <p>
      {step} ({direction})
    </p>
  )
}

/** Outside the steps, where a transition wrapper would read it. */
function Frame() {
  return <output aria-label="direction">{useStepDirection()}</output>
}

const steps = { cart: Page, shipping: Page, address: Page, payment: Page, review: Page }

const show = (strict: boolean, workflow: ReturnType<typeof createWorkflow<any, any>>) =>
  renderIn(
    strict,
    <WorkflowProvider workflow={workflow}>
      <Frame />
      <WorkflowSteps steps={steps} done={() => <p>done</p>} />
    </WorkflowProvider>,
  )

describe.each(modes)('step direction %s', (_, strict) => {
  it('is none before any move, forward on next and back on back', async () => {
    const workflow = createWorkflow(checkout)
    show(strict, workflow)
    expect(screen.getByText('cart (none)')).toBeInTheDocument()
    await act(() => workflow.next())
    expect(screen.getByText('shipping (forward)')).toBeInTheDocument()
    expect(screen.getByLabelText('direction')).toHaveTextContent('forward')
    act(() => void workflow.back())
    expect(screen.getByText('cart (back)')).toBeInTheDocument()
    expect(screen.getByLabelText('direction')).toHaveTextContent('back')
  })

  it('is jump when goTo returns more than one step, or reset starts over', async () => {
    const workflow = createWorkflow(checkout)
    await workflow.next()
    await workflow.next({ email: 'ada@example.com', delivery: 'post' })
    await workflow.next()
    show(strict, workflow)
    expect(screen.getByText('payment (none)')).toBeInTheDocument()
    act(() => void workflow.goTo('cart'))
    expect(screen.getByText('cart (jump)')).toBeInTheDocument()
    await act(() => workflow.next())
    await act(() => workflow.next({ email: 'ada@example.com', delivery: 'post' }))
    act(() => void workflow.reset())
    expect(screen.getByText('cart (jump)')).toBeInTheDocument()
  })

  it('is forward when the flow finishes and back when the final step reopens', async () => {
    const workflow = createWorkflow(checkout)
    await workflow.run({ shipping: { email: 'ada@example.com', delivery: 'pickup' }, payment: { card: '4242' } }, { until: 'review' })
    show(strict, workflow)
    await act(() => workflow.next())
    expect(screen.getByText('done')).toBeInTheDocument()
    expect(screen.getByLabelText('direction')).toHaveTextContent('forward')
    act(() => void workflow.back())
    expect(screen.getByText('review (back)')).toBeInTheDocument()
  })

  it('stays none when a reload restores a later step, so nothing animates in', async () => {
    const storage = memoryStorage()
    const before = createWorkflow(checkout, { persist: persist({ key: 'checkout', storage }) })
    await before.next()
    function App() {
      const workflow = useWorkflow(checkout, { persist: persist({ key: 'checkout', storage }) })
      return (
        <WorkflowProvider workflow={workflow}>
          <Frame />
          <WorkflowSteps steps={steps} />
        </WorkflowProvider>
      )
    }
    renderIn(strict, <App />)
    expect(await screen.findByText('shipping (none)')).toBeInTheDocument()
    expect(screen.getByLabelText('direction')).toHaveTextContent('none')
  })
})
