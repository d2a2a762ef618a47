// The README's examples for @flowkit/react, compiled by `npm run typecheck` and run here, so the docs cannot drift.
import { defineWorkflow } from '@flowkit/core'
import { persist } from '@flowkit/core/persist'
import {
  createWorkflowContext,
  type HistoryAdapter,
  StepHeading,
  useField,
  useStep,
  useWorkflow,
  useWorkflowHistory,
  WorkflowErrorSummary,
  WorkflowProgress,
  WorkflowProvider,
  WorkflowStepper,
  WorkflowSteps,
} from '@flowkit/react'
import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import type { ReactNode } from 'react'
import { describe, expect, it } from 'vitest'
import { z } from 'zod'

const checkout = defineWorkflow({
  id: 'checkout',
  initial: 'email',
  state: { email: '', delivery: 'post' as 'post' | 'pickup', address: '' },
  steps: {
    email: {
      title: 'Your email',
      validate: z.object({ email: z.string().email('Enter an email address like ada@example.com') }),
      next: 'delivery',
    },
    delivery: { title: 'Delivery', next: [{ to: 'address', when: ({ state }) => state.delivery === 'post' }, { to: 'review' }] },
    address: { title: 'Address', next: 'review' },
    review: { title: 'Check your answers', final: true },
  },
})

/** One input bound to the step's draft; only this component re-renders as the user types. */
function TextField({ name, label }: { name: string; label: string }) {
  const field = useField<string>(name)
  return (
    <div>
      <label htmlFor={field.id}>{label}</label>
      {field.issues.length > 0 && <p id={field.errorId}>{field.issues[0]}</p>}
      <input {...field.props} />
    </div>
  )
}

/** The frame every step shares: heading (focused on arrival), error summary, Back and Continue. */
function Page({ children }: { children: ReactNode }) {
  const { title, submit, busy, back, canGoBack } = useStep()
  return (
    <form onSubmit={submit} noValidate>
      {canGoBack && (
        <button type="button" onClick={back}>
          Back
        </button>
      )}
      <StepHeading>{title}</StepHeading>
      <WorkflowErrorSummary />
      {children}
      <button type="submit" disabled={busy}>
        Continue
      </button>
    </form>
  )
}

function Delivery() {
  const { field } = useStep<{ delivery: 'post' | 'pickup' }>()
  return (
    <Page>
      <label>
        <input {...field('delivery', { type: 'radio', option: 'post' })} /> By post
      </label>
      <label>
        <input {...field('delivery', { type: 'radio', option: 'pickup' })} /> Pick up in store
      </label>
    </Page>
  )
}

const steps = {
  email: () => (
    <Page>
      <TextField name="email" label="Email address" />
    </Page>
  ),
  delivery: Delivery,
  address: () => (
    <Page>
      <TextField name="address" label="Address" />
    </Page>
  ),
  review: () => <Page>We will send the receipt to you.</Page>,
}

export function Checkout() {
  const workflow = useWorkflow(checkout, { persist: persist({ key: 'checkout' }) })
  useWorkflowHistory(workflow) // the browser's back/forward buttons move through the flow
  return (
    <WorkflowProvider workflow={workflow}>
      <WorkflowStepper />
      <WorkflowProgress />
      <WorkflowSteps steps={steps} done={() => <p>Order placed. Thank you!</p>} />
    </WorkflowProvider>
  )
}

export const CheckoutFlow = createWorkflowContext(checkout)

function Summary() {
  // Typed: `s.state.delivery` is 'post' | 'pickup'; `<CheckoutFlow.WorkflowStep name="paymnt">` does not compile.
  const delivery = CheckoutFlow.useWorkflowState((s) => s.state.delivery)
  return <p>Delivery: {delivery}</p>
}

/** The step in the URL hash (`#delivery`) instead of the query: any router binds the same way. */
const hashHistory: HistoryAdapter = {
  read: () => window.location.hash.slice(1) || null,
  write: (step, mode) => window.history[mode === 'push' ? 'pushState' : 'replaceState'](null, '', `#${step}`),
  listen: (listener) => {
    window.addEventListener('popstate', listener)
    return () => window.removeEventListener('popstate', listener)
  },
  go: (delta) => window.history.go(delta),
}

export function TypedCheckout() {
  const workflow = CheckoutFlow.useWorkflow()
  useWorkflowHistory(workflow, { adapter: hashHistory })
  return (
    <CheckoutFlow.Provider workflow={workflow}>
      <Summary />
      <CheckoutFlow.WorkflowStep name="email">
        <Page>
          <TextField name="email" label="Email address" />
        </Page>
      </CheckoutFlow.WorkflowStep>
      <CheckoutFlow.WorkflowStep name="delivery">
        <Delivery />
      </CheckoutFlow.WorkflowStep>
    </CheckoutFlow.Provider>
  )
}

describe('the README example', () => {
  it('runs the typed version, with the step in the hash', async () => {
    const user = userEvent.setup()
    render(<TypedCheckout />)
    expect(screen.getByText('Delivery: post')).toBeInTheDocument()
    await user.type(screen.getByLabelText('Email address'), 'ada@example.com')
    await user.click(screen.getByRole('button', { name: 'Continue' }))
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Delivery')
    expect(window.location.hash).toBe('#delivery')
  })

  it('runs: validation, branching, stepper, progress and done', async () => {
    const user = userEvent.setup()
    const { unmount } = renderApp()
    await user.click(screen.getByRole('button', { name: 'Continue' }))
    expect(screen.getByRole('alert')).toHaveTextContent('There is a problem')
    await user.type(screen.getByLabelText('Email address'), 'ada@example.com')
    await user.click(screen.getByRole('button', { name: 'Continue' }))
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Delivery')
    expect(screen.getByRole('heading', { level: 1 })).toHaveFocus()
    await user.click(screen.getByLabelText('Pick up in store'))
    await user.click(screen.getByRole('button', { name: 'Continue' }))
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Check your answers')
    expect(screen.getByRole('progressbar')).toHaveTextContent('Step 3 of 3')
    expect(screen.getAllByRole('listitem').map((li) => li.textContent)).toEqual(['Your email', 'Delivery', 'Check your answers'])
    unmount()
    // A reload resumes where the user was.
    renderApp()
    expect(await screen.findByRole('heading', { level: 1 })).toHaveTextContent('Check your answers')
    await user.click(screen.getByRole('button', { name: 'Continue' }))
    expect(screen.getByText('Order placed. Thank you!')).toBeInTheDocument()
  })
})

const renderApp = () => render(<Checkout />)
