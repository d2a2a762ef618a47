// biome-ignore-all lint/correctness/noComponentHookFactories: test components close over the workflow of their test
import { createWorkflow } from '@flowkit/core'
import { memoryStorage, persist } from '@flowkit/core/persist'
import { act, render, screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { StrictMode } from 'react'
import { describe, expect, it } from 'vitest'
import { type HistoryAdapter, useStep, useWorkflow, useWorkflowHistory, WorkflowProvider, WorkflowSteps } from '../src'
import { family, toFamilyReview } from './composed'
import { checkout, modes } from './fixtures'

function Page() {
  const { step, field, submit, back, canGoBack } = useStep()
  return (
    <form onSubmit={submit}>
      <h1>{step}</h1>
      {canGoBack && (
        <button type="button" onClick={back}>
          Back
        </button>
      )}
      {step === 'shipping' && <input aria-label="Email" {...field('email')} />}
      {step === 'payment' && <input aria-label="Card" {...field('card')} />}
      <button type="submit">Continue</button>
    </form>
  )
}
const steps = { cart: Page, shipping: Page, address: Page, payment: Page, review: Page }

function App({ storage }: { storage?: ReturnType<typeof memoryStorage> }) {
  const workflow = useWorkflow(checkout, storage ? { persist: persist({ key: 'checkout', storage }) } : {})
  useWorkflowHistory(workflow)
  return (
    <WorkflowProvider workflow={workflow}>
      <WorkflowSteps steps={steps} />
    </WorkflowProvider>
  )
}

const search = () => new URLSearchParams(window.location.search).get('step')
/** What the browser does on its back/forward buttons: move through entries and fire popstate. */
const go = async (delta: number) => {
  await act(async () => {
    const moved = new Promise((resolve) => window.addEventListener('popstate', resolve, { once: true }))
    window.history.go(delta)
    await moved
  })
}

describe.each(modes)('browser history %s', (_, strict) => {
  const mount = (ui: React.ReactElement) => render(strict ? <StrictMode>{ui}</StrictMode> : ui)

  it('puts the step in the URL and moves with the back and forward buttons', async () => {
    const user = userEvent.setup()
    mount(<App />)
    expect(search()).toBe('cart')
    await user.click(screen.getByRole('button', { name: 'Continue' }))
    await user.type(screen.getByLabelText('Email'), 'ada@example.com')
    await user.click(screen.getByRole('button', { name: 'Continue' }))
    expect(screen.getByRole('heading')).toHaveTextContent('address')
    expect(search()).toBe('address')
    await go(-1)
    expect(screen.getByRole('heading')).toHaveTextContent('shipping')
    expect(screen.getByLabelText('Email')).toHaveValue('ada@example.com')
    await go(-1)
    expect(screen.getByRole('heading')).toHaveTextContent('cart')
    await go(1)
    await waitFor(() => expect(screen.getByRole('heading')).toHaveTextContent('shipping'))
    // Forward resubmits the step with what the user had entered.
    await go(1)
    await waitFor(() => expect(screen.getByRole('heading')).toHaveTextContent('address'))
    expect(search()).toBe('address')
  })

  it("forward over a repeat brings its items back: each visit of the summary, not its first one's none", async () => {
    const workflow = createWorkflow(family())
    function Family() {
      useWorkflowHistory(workflow)
      return null
    }
    mount(
      <WorkflowProvider workflow={workflow}>
        <Family />
      </WorkflowProvider>,
    )
    await act(async () => {
      await toFamilyReview(workflow)
    })
    expect(search()).toBe('review')
    await go(-8)
    expect(workflow.getSnapshot().step).toBe('about')
    await go(8)
    await waitFor(() => expect(search()).toBe('review'))
    const both = [
      { name: 'Ada', age: 7 },
      { name: 'Bob', age: 5 },
    ]
    expect(workflow.getSnapshot().state.dependants).toEqual(both)
    // One entry at a time: each forward step to the summary goes on to its next visit, not back to its first.
    await go(-8)
    const seen: string[] = []
    for (let i = 0; i < 8; i++) {
      await go(1)
      await waitFor(() => expect(workflow.getSnapshot().status).not.toBe('busy'))
      seen.push(`${workflow.getSnapshot().step}:${workflow.getSnapshot().state.dependants?.length ?? 0}`)
    }
    expect(seen).toEqual([
      'dependants:0',
      'dependants.0.name:0',
      'dependants.0.age:1',
      'dependants:1',
      'dependants.1.name:1',
      'dependants.1.age:2',
      'dependants:2',
      'review:2',
    ])
    expect(workflow.getSnapshot().state.dependants).toEqual(both)
  })

  it("moves the browser back on the flow's own Back, so the browser's Back button still goes back", async () => {
    const user = userEvent.setup()
    mount(<App />)
    await user.click(screen.getByRole('button', { name: 'Continue' }))
    await user.type(screen.getByLabelText('Email'), 'ada@example.com')
    await user.click(screen.getByRole('button', { name: 'Continue' }))
    expect(search()).toBe('address')
    const entries = window.history.length
    const popped = new Promise((resolve) => window.addEventListener('popstate', resolve, { once: true }))
    await user.click(screen.getByRole('button', { name: 'Back' }))
    await act(() => popped)
    expect(screen.getByRole('heading')).toHaveTextContent('shipping')
    expect(search()).toBe('shipping')
    expect(window.history.length).toBe(entries)
    await go(-1)
    expect(screen.getByRole('heading')).toHaveTextContent('cart')
    expect(search()).toBe('cart')
  })

  it('lands a deep link to a step not yet reachable on the furthest reachable step', async () => {
    window.history.replaceState(null, '', '/?step=payment')
    mount(<App />)
    expect(screen.getByRole('heading')).toHaveTextContent('cart')
    await waitFor(() => expect(search()).toBe('cart'))
  })

  it('keeps the step across a reload, with persistence', async () => {
    const user = userEvent.setup()
    const storage = memoryStorage()
    const first = mount(<App storage={storage} />)
    await user.click(screen.getByRole('button', { name: 'Continue' }))
    await user.type(screen.getByLabelText('Email'), 'ada@example.com')
    await user.click(screen.getByRole('button', { name: 'Continue' }))
    expect(search()).toBe('address')
    first.unmount()
    mount(<App storage={storage} />)
    expect(await screen.findByRole('heading')).toHaveTextContent('address')
    expect(search()).toBe('address')
    await go(-1)
    expect(screen.getByRole('heading')).toHaveTextContent('shipping')
  })

  it("steps back through the browser's entries on the flow's own Back after a reload, instead of adding entries", async () => {
    const user = userEvent.setup()
    const storage = memoryStorage()
    const first = mount(<App storage={storage} />)
    await user.click(screen.getByRole('button', { name: 'Continue' }))
    await user.type(screen.getByLabelText('Email'), 'ada@example.com')
    await user.click(screen.getByRole('button', { name: 'Continue' }))
    expect(search()).toBe('address')
    const entries = window.history.length
    first.unmount()
    // A reload keeps the tab's history (with each entry's state) and its sessionStorage.
    mount(<App storage={storage} />)
    expect(await screen.findByRole('heading')).toHaveTextContent('address')
    const popped = new Promise((resolve) => window.addEventListener('popstate', resolve, { once: true }))
    await user.click(screen.getByRole('button', { name: 'Back' }))
    await act(() => popped)
    expect(screen.getByRole('heading')).toHaveTextContent('shipping')
    expect(search()).toBe('shipping')
    expect(window.history.length).toBe(entries)
  })

  it('after a reload, follows the restored flow when another device or tab moved it on, instead of the step the URL kept', async () => {
    const user = userEvent.setup()
    const storage = memoryStorage()
    const first = mount(<App storage={storage} />)
    await user.click(screen.getByRole('button', { name: 'Continue' }))
    await user.type(screen.getByLabelText('Email'), 'ada@example.com')
    await user.click(screen.getByRole('button', { name: 'Continue' }))
    expect(search()).toBe('address')
    first.unmount()
    // Meanwhile another device continued the same flow; this browser's copy was replaced by its newer one.
    const elsewhere = createWorkflow(checkout, { persist: persist({ key: 'checkout', storage }) })
    await waitFor(() => expect(elsewhere.getSnapshot().step).toBe('address'))
    await elsewhere.next()
    expect(elsewhere.getSnapshot().step).toBe('payment')
    elsewhere.destroy()
    // The reload: the URL still names 'address', which this tab wrote.
    mount(<App storage={storage} />)
    expect(await screen.findByRole('heading')).toHaveTextContent('payment')
    await waitFor(() => expect(search()).toBe('payment'))
    expect(screen.getByRole('heading')).toHaveTextContent('payment')
  })

  it('treats a finished flow as final: the back button does not reopen it', async () => {
    const user = userEvent.setup()
    const workflow = createWorkflow(checkout)
    await workflow.run({ cart: {}, shipping: { email: 'ada@example.com', delivery: 'pickup' } }, { until: 'payment' })
    function Bound() {
      useWorkflowHistory(useWorkflow(workflow))
      return (
        <WorkflowProvider workflow={workflow}>
          <WorkflowSteps steps={steps} done={() => <p>Order placed</p>} />
        </WorkflowProvider>
      )
    }
    mount(<Bound />)
    await user.type(screen.getByLabelText('Card'), '4242 4242')
    await user.click(screen.getByRole('button', { name: 'Continue' }))
    await user.click(screen.getByRole('button', { name: 'Continue' }))
    expect(screen.getByText('Order placed')).toBeInTheDocument()
    await go(-1)
    await waitFor(() => expect(search()).toBe('review'))
    expect(workflow.getSnapshot().status).toBe('done')
    expect(screen.getByText('Order placed')).toBeInTheDocument()
  })

  it('binds to any router through a three-function adapter', async () => {
    let location: string | null = 'shipping'
    const listeners = new Set<() => void>()
    const writes: string[] = []
    const adapter: HistoryAdapter = {
      read: () => location,
      write: (step, mode) => {
        location = step
        writes.push(`${mode} ${step}`)
      },
      listen: (listener) => {
        listeners.add(listener)
        return () => listeners.delete(listener)
      },
    }
    const workflow = createWorkflow(checkout)
    function Routed() {
      useWorkflowHistory(workflow, { adapter })
      return (
        <WorkflowProvider workflow={workflow}>
          <WorkflowSteps steps={steps} />
        </WorkflowProvider>
      )
    }
    mount(<Routed />)
    await waitFor(() => expect(writes).toContain('replace cart'))
    await act(() => workflow.next())
    expect(writes.at(-1)).toBe('push shipping')
    location = 'cart'
    await act(async () => {
      for (const listener of listeners) listener()
    })
    expect(workflow.getSnapshot().step).toBe('cart')
  })
})
