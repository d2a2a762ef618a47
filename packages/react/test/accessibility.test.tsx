import { createWorkflow, defineWorkflow } from '@flowkit/core'
import { act, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it, onTestFinished } from 'vitest'
import { z } from 'zod'
import {
  StepHeading,
  useStep,
  WorkflowDone,
  WorkflowErrorSummary,
  WorkflowProgress,
  WorkflowProvider,
  WorkflowStepper,
  WorkflowSteps,
} from '../src'
import { checkout, modes, renderIn } from './fixtures'

function Page() {
  const { title, field, submit, headingProps } = useStep()
  return (
    <form onSubmit={submit}>
      <h1 {...headingProps}>{title}</h1>
      <WorkflowErrorSummary label={(path) => (path === 'email' ? 'Email' : undefined)} />
      <label htmlFor={field('email').id}>Email</label>
      <input {...field('email')} />
      <button type="submit">Continue</button>
    </form>
  )
}

function Simple() {
  const { title, submit } = useStep()
  return (
    <form onSubmit={submit}>
      <StepHeading>{title}</StepHeading>
      <button type="submit">Continue</button>
    </form>
  )
}

function Nested() {
  return <StepHeading as="h2">Cart</StepHeading>
}

const app = (workflow = createWorkflow(checkout)) => (
  <WorkflowProvider workflow={workflow}>
    <WorkflowProgress />
    <WorkflowStepper itemClassName={(item) => `step-${item.status}`} />
    <WorkflowSteps steps={{ cart: Simple, shipping: Page, address: Simple, payment: Simple }} />
  </WorkflowProvider>
)

describe.each(modes)('accessibility %s', (_, strict) => {
  it('moves focus to the new step heading on a step change, not on the first render', async () => {
    renderIn(strict, app())
    expect(screen.getByRole('heading', { name: 'Cart' })).not.toHaveFocus()
    await userEvent.click(screen.getByRole('button', { name: 'Continue' }))
    expect(screen.getByRole('heading', { name: 'Shipping', level: 1 })).toHaveFocus()
  })

  it('focuses the first heading when the flow opens after a click in the app, as from a landing page', async () => {
    // Chromium sets this once the user clicked or typed on the page; jsdom has no user activation.
    Object.defineProperty(navigator, 'userActivation', { configurable: true, value: { hasBeenActive: true, isActive: false } })
    onTestFinished(() => {
      Reflect.deleteProperty(navigator, 'userActivation')
    })
    renderIn(strict, app())
    expect(screen.getByRole('heading', { name: 'Cart' })).toHaveFocus()
  })

  it('leaves focus alone when the flow opens with something else already focused', () => {
    Object.defineProperty(navigator, 'userActivation', { configurable: true, value: { hasBeenActive: true, isActive: false } })
    onTestFinished(() => {
      Reflect.deleteProperty(navigator, 'userActivation')
    })
    const search = document.createElement('input')
    document.body.append(search)
    onTestFinished(() => search.remove())
    search.focus()
    renderIn(strict, app())
    expect(search).toHaveFocus()
  })

  it('moves focus into the done screen when the final step is completed: its first heading, else the screen itself', async () => {
    const flow = defineWorkflow({
      id: 'two',
      initial: 'a',
      state: {},
      steps: { a: { title: 'First', next: 'b' }, b: { title: 'Last', final: true } },
    })
    const thanks = () => <p>Thank you.</p>
    renderIn(
      strict,
      <WorkflowProvider workflow={createWorkflow(flow)}>
        <WorkflowSteps steps={{ a: Simple, b: Simple }} done={thanks} />
      </WorkflowProvider>,
    )
    await userEvent.click(screen.getByRole('button', { name: 'Continue' }))
    await userEvent.click(screen.getByRole('button', { name: 'Continue' }))
    expect(screen.getByText('Thank you.').parentElement).toHaveFocus()

    const headed = createWorkflow(flow)
    renderIn(
      strict,
      <WorkflowProvider workflow={headed}>
        <WorkflowSteps steps={{ a: Simple, b: Simple }} />
        <WorkflowDone>
          <h2>Order placed</h2>
          <p>We sent you an email.</p>
        </WorkflowDone>
      </WorkflowProvider>,
    )
    await act(() => headed.next())
    await act(() => headed.next())
    expect(screen.getByRole('heading', { name: 'Order placed' })).toHaveFocus()
  })

  it('leaves focus alone when the page loads on a finished flow', async () => {
    const done = createWorkflow(checkout)
    for (const input of [{}, { email: 'ada@example.com' }, {}, { card: '4242' }, {}]) await done.next(input)
    expect(done.getSnapshot().status).toBe('done')
    renderIn(
      strict,
      <WorkflowProvider workflow={done}>
        <WorkflowDone>
          <h2>Order placed</h2>
        </WorkflowDone>
      </WorkflowProvider>,
    )
    expect(screen.getByRole('heading', { name: 'Order placed' })).not.toHaveFocus()
  })

  it('names the stepper and the progress bar differently', () => {
    renderIn(strict, app())
    expect(screen.getByRole('list', { name: 'Steps' })).toBeInTheDocument()
    expect(screen.getByRole('progressbar', { name: 'Progress' })).toBeInTheDocument()
  })

  it('renders the step heading at the level asked for', () => {
    renderIn(
      strict,
      <WorkflowProvider workflow={createWorkflow(checkout)}>
        <WorkflowSteps steps={{ cart: Nested }} />
      </WorkflowProvider>,
    )
    expect(screen.getByRole('heading', { name: 'Cart', level: 2 })).toHaveAttribute('tabindex', '-1')
  })

  it('announces the new step in a polite live region', async () => {
    renderIn(strict, app())
    const status = screen.getByRole('status')
    expect(status).toHaveAttribute('aria-live', 'polite')
    expect(status.textContent).toBe('')
    await userEvent.click(screen.getByRole('button', { name: 'Continue' }))
    // Gift wrap is skipped, and with delivery by post the path goes through the address: 5 steps.
    expect(status).toHaveTextContent('Step 2 of 5: Shipping')
  })

  it('summarises issues with links that focus their fields, and focuses the summary', async () => {
    const user = userEvent.setup()
    const workflow = createWorkflow(checkout)
    await workflow.next()
    renderIn(strict, app(workflow))
    await user.click(screen.getByRole('button', { name: 'Continue' }))
    const summary = screen.getByRole('alert')
    expect(summary).toHaveFocus()
    expect(summary).toHaveAccessibleName('There is a problem')
    const link = screen.getByRole('link', { name: /^Email: / })
    expect(link).toHaveAttribute('href', `#${screen.getByLabelText('Email').id}`)
    await user.click(link)
    expect(screen.getByLabelText('Email')).toHaveFocus()
  })

  it('marks the current step in the stepper and lets visited steps be revisited by keyboard', async () => {
    const user = userEvent.setup()
    const workflow = createWorkflow(checkout)
    await workflow.run({ cart: {}, shipping: { email: 'ada@example.com', delivery: 'pickup' } })
    renderIn(strict, app(workflow))
    const items = screen.getAllByRole('listitem')
    // Gift wrap is skipped and the address is not on the pickup path: neither is listed.
    expect(items.map((li) => li.textContent)).toEqual(['Cart', 'Shipping', 'Payment', 'Review'])
    expect(items[2]).toHaveAttribute('aria-current', 'step')
    expect(items.map((li) => li.className)).toEqual(['step-done', 'step-done', 'step-current', 'step-upcoming'])
    expect(screen.getByRole('progressbar')).toHaveAttribute('aria-valuetext', 'Step 3 of 4')
    await user.tab()
    await user.tab()
    expect(screen.getByRole('button', { name: 'Shipping' })).toHaveFocus()
    await user.keyboard('{Enter}')
    expect(workflow.getSnapshot().step).toBe('shipping')
    expect(screen.getByRole('heading', { name: 'Shipping', level: 1 })).toHaveFocus()
    expect(screen.getAllByRole('listitem')[1]).toHaveAttribute('aria-current', 'step')
  })

  it('shows an approximate total while a choice ahead cannot be decided', () => {
    const flow = defineWorkflow({
      id: 'plans',
      initial: 'plan',
      state: { plan: undefined as 'solo' | 'team' | undefined },
      steps: {
        plan: { title: 'Plan', next: ({ state }) => (state.plan === 'team' ? 'team' : state.plan && 'pay'), targets: ['team', 'pay'] },
        team: { next: 'pay' },
        pay: { final: true },
      },
    })
    renderIn(
      strict,
      <WorkflowProvider workflow={createWorkflow(flow)}>
        <WorkflowProgress className={(p) => (p.exact ? 'exact' : 'approximate')} />
        <WorkflowStepper />
      </WorkflowProvider>,
    )
    expect(screen.getByRole('progressbar')).toHaveTextContent('Step 1 of at least 2')
    expect(screen.getByRole('progressbar')).toHaveAccessibleName('Progress')
    expect(screen.getByRole('progressbar')).toHaveClass('approximate')
    expect(screen.getAllByRole('listitem').map((li) => li.textContent)).toEqual(['Plan'])
  })

  it('says the progress in your words: the text shown and what a screen reader hears, following each move', async () => {
    const workflow = createWorkflow(checkout)
    renderIn(
      strict,
      <WorkflowProvider workflow={workflow}>
        <WorkflowProgress text={(p) => `Page ${p.position} of ${p.exact ? '' : 'at least '}${p.total}`} />
      </WorkflowProvider>,
    )
    const bar = screen.getByRole('progressbar')
    const words = () => {
      const { position, total } = workflow.getSnapshot().progress
      return `Page ${position} of ${total}`
    }
    expect(words()).toMatch(/^Page 1 of \d+$/)
    expect(bar).toHaveTextContent(words())
    expect(bar).toHaveAttribute('aria-valuetext', words())
    await act(() => workflow.next())
    expect(words()).toMatch(/^Page 2 of \d+$/)
    expect(bar).toHaveAttribute('aria-valuetext', words())
    expect(bar).toHaveTextContent(words())
  })

  it('lists one message per field in the summary, as GOV.UK does, unless asked for all', async () => {
    const flow = defineWorkflow({
      id: 'pw',
      initial: 'pw',
      state: {},
      steps: { pw: { validate: z.object({ password: z.string().min(8, 'Too short').regex(/\d/, 'Add a digit') }), final: true } },
    })
    const workflow = createWorkflow(flow)
    await workflow.next({ password: 'abc' })
    expect(workflow.getSnapshot().issues.password).toEqual(['Too short', 'Add a digit'])
    const { rerender } = renderIn(
      strict,
      <WorkflowProvider workflow={workflow}>
        <WorkflowErrorSummary />
      </WorkflowProvider>,
    )
    expect(screen.getAllByRole('listitem').map((li) => li.textContent)).toEqual(['Too short'])
    rerender(
      <WorkflowProvider workflow={workflow}>
        <WorkflowErrorSummary all />
      </WorkflowProvider>,
    )
    expect(screen.getAllByRole('listitem').map((li) => li.textContent)).toEqual(['Too short', 'Add a digit'])
  })

  it('lets the app phrase the announcement', async () => {
    const workflow = createWorkflow(checkout)
    renderIn(
      strict,
      <WorkflowProvider workflow={workflow} announce={(d) => `Étape ${d.position} : ${d.title}`}>
        <WorkflowSteps steps={{ cart: Simple }} />
      </WorkflowProvider>,
    )
    await act(() => workflow.next())
    expect(screen.getByRole('status')).toHaveTextContent('Étape 2 : Shipping')
  })
})
