// biome-ignore-all lint/correctness/noComponentHookFactories: test components close over the workflow of their test
import { createWorkflow } from '@flowkit/core'
import { act, render, screen } from '@testing-library/react'
import { StrictMode } from 'react'
import { describe, expect, it } from 'vitest'
import { useStep, useWorkflow, useWorkflowHistory, WorkflowProvider, WorkflowSteps } from '../src'
import { checkout, modes } from './fixtures'

// A "Change" link on a check-answers page: the flow goes back (the browser follows with go(-n), which
// it makes later) and on again at once, before the browser got there.

function Page() {
  const { step } = useStep()
  return <h1>{step}</h1>
}
const steps = { cart: Page, shipping: Page, address: Page, payment: Page, review: Page }

const search = () => new URLSearchParams(window.location.search).get('step')
const popped = () => new Promise((resolve) => window.addEventListener('popstate', resolve, { once: true }))
const go = async (delta: number) => {
  await act(async () => {
    const moved = popped()
    window.history.go(delta)
    await moved
  })
}

describe.each(modes)('browser history after a back-then-forward change %s', (_, strict) => {
  it('writes the steps reached while the browser was still going back, after it got there', async () => {
    const workflow = createWorkflow(checkout)
    function App() {
      useWorkflowHistory(useWorkflow(workflow))
      return (
        <WorkflowProvider workflow={workflow}>
          <WorkflowSteps steps={steps} />
        </WorkflowProvider>
      )
    }
    render(strict ? <StrictMode>{<App />}</StrictMode> : <App />)
    // The binding settles on the first step (its initial apply is asynchronous).
    await act(async () => {})
    await act(() => workflow.next())
    await act(() => workflow.next({ email: 'ada@example.com', delivery: 'post' }))
    await act(() => workflow.next())
    expect(search()).toBe('payment')
    const entries = window.history.length

    // Back to shipping and straight on to address, as a Change link and its return do.
    await act(async () => {
      // A browser may drop a traversal a push overtook: then no popstate comes.
      const arrived = Promise.race([popped(), new Promise((resolve) => setTimeout(resolve, 500))])
      workflow.goTo('shipping')
      await workflow.next({ email: 'grace@example.com', delivery: 'post' })
      await arrived
    })
    expect(screen.getByRole('heading')).toHaveTextContent('address')
    expect(search()).toBe('address')
    // The entry for address replaced the old one: no extra entries, none lost.
    expect(window.history.length).toBe(entries - 1)

    // The browser's Back button walks the flow's steps, and stays in the app.
    await go(-1)
    expect(screen.getByRole('heading')).toHaveTextContent('shipping')
    expect(search()).toBe('shipping')
    await go(-1)
    expect(screen.getByRole('heading')).toHaveTextContent('cart')
    expect(search()).toBe('cart')
  })
})
