// biome-ignore-all lint/correctness/noComponentHookFactories: test components close over the workflow of their test
import { createWorkflow, defineWorkflow } from '@flowkit/core'
import { act, render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it, vi } from 'vitest'
import { useField, useStep, WorkflowProvider, WorkflowSteps } from '../src'
import { checkout, modes, renderIn } from './fixtures'

function Cart() {
  const { submit } = useStep()
  return (
    <form onSubmit={submit}>
      <button type="submit">Continue</button>
    </form>
  )
}

function Shipping() {
  const { field, submit, issues, back, canGoBack } = useStep<{ email: string; delivery: string }>()
  return (
    <form onSubmit={submit}>
      <label htmlFor={field('email').id}>Email</label>
      <input {...field('email')} />
      {issues.email && <p>{issues.email[0]}</p>}
      <label>
        <input {...field('delivery', { type: 'radio', option: 'post' })} /> Post
      </label>
      <label>
        <input {...field('delivery', { type: 'radio', option: 'pickup' })} /> Pickup
      </label>
      <button type="submit">Continue</button>
      {canGoBack && (
        <button type="button" onClick={back}>
          Back
        </button>
      )}
    </form>
  )
}

function Payment() {
  const card = useField<string>('card')
  const { submit, back } = useStep()
  return (
    <form onSubmit={submit}>
      <label htmlFor={card.id}>Card</label>
      <input {...card.props} />
      {card.issues.length > 0 && <p id={card.errorId}>{card.issues[0]}</p>}
      <button type="submit">Pay</button>
      <button type="button" onClick={back}>
        Back
      </button>
    </form>
  )
}

const steps = { cart: Cart, shipping: Shipping, address: () => <p>address page</p>, payment: Payment, review: () => <p>review page</p> }

describe.each(modes)('useStep %s', (_, strict) => {
  it('keeps what was typed in the store, so it survives back() and unmounting', async () => {
    const user = userEvent.setup()
    const workflow = createWorkflow(checkout)
    renderIn(
      strict,
      <WorkflowProvider workflow={workflow}>
        <WorkflowSteps steps={steps} />
      </WorkflowProvider>,
    )
    await user.click(screen.getByRole('button', { name: 'Continue' }))
    expect(screen.queryByRole('button', { name: 'Back' })).toBeInTheDocument()
    await user.type(screen.getByLabelText('Email'), 'ada@example.com')
    await user.click(screen.getByLabelText('Pickup'))
    expect(workflow.getSnapshot().drafts.shipping).toEqual({ email: 'ada@example.com', delivery: 'pickup' })
    await user.click(screen.getByRole('button', { name: 'Continue' }))
    expect(screen.getByLabelText('Card')).toBeInTheDocument()
    await user.click(screen.getByRole('button', { name: 'Back' }))
    expect(screen.getByLabelText('Email')).toHaveValue('ada@example.com')
    expect(screen.getByLabelText('Pickup')).toBeChecked()
  })

  it('shows validation issues per field and keeps the state as it was', async () => {
    const user = userEvent.setup()
    const workflow = createWorkflow(checkout)
    await workflow.next()
    renderIn(
      strict,
      <WorkflowProvider workflow={workflow}>
        <WorkflowSteps steps={steps} />
      </WorkflowProvider>,
    )
    await user.type(screen.getByLabelText('Email'), 'not-an-email')
    await user.click(screen.getByLabelText('Post'))
    await user.click(screen.getByRole('button', { name: 'Continue' }))
    expect(screen.getByText('Enter an email address like ada@example.com')).toBeInTheDocument()
    expect(screen.getByLabelText('Email')).toHaveAttribute('aria-invalid', 'true')
    expect(workflow.getSnapshot().step).toBe('shipping')
    expect(workflow.getSnapshot().state.email).toBe('')
    await user.clear(screen.getByLabelText('Email'))
    await user.type(screen.getByLabelText('Email'), 'ada@example.com')
    await user.click(screen.getByRole('button', { name: 'Continue' }))
    expect(screen.getByText('address page')).toBeInTheDocument()
  })

  it('wires a field to its error message with aria-describedby', async () => {
    const user = userEvent.setup()
    const workflow = createWorkflow(checkout)
    await workflow.run({ cart: {}, shipping: { email: 'ada@example.com', delivery: 'pickup' } })
    renderIn(
      strict,
      <WorkflowProvider workflow={workflow}>
        <WorkflowSteps steps={steps} />
      </WorkflowProvider>,
    )
    expect(screen.getByLabelText('Card')).not.toHaveAttribute('aria-invalid')
    await user.type(screen.getByLabelText('Card'), '42')
    await user.click(screen.getByRole('button', { name: 'Pay' }))
    expect(screen.getByLabelText('Card')).toHaveAccessibleDescription('Enter a card number')
  })

  it('reports busy while an async action runs, and its error when it fails', async () => {
    let fail: (e: Error) => void = () => {}
    const flow = defineWorkflow({
      id: 'async',
      initial: 'send',
      state: {},
      steps: {
        send: { actions: [() => new Promise((_, reject) => (fail = reject))], next: 'sent' },
        sent: { final: true },
      },
    })
    const workflow = createWorkflow(flow, { onError: () => {} })
    function Send() {
      const { submit, busy, error } = useStep()
      return (
        <>
          <button type="button" disabled={busy} onClick={() => submit()}>
            Send
          </button>
          {error && <p role="alert">{error.code}</p>}
        </>
      )
    }
    renderIn(
      strict,
      <WorkflowProvider workflow={workflow} announce={false}>
        <WorkflowSteps steps={{ send: Send }} />
      </WorkflowProvider>,
    )
    await userEvent.click(screen.getByRole('button', { name: 'Send' }))
    expect(screen.getByRole('button', { name: 'Send' })).toBeDisabled()
    await act(async () => fail(new Error('network down')))
    expect(screen.getByRole('button', { name: 'Send' })).toBeEnabled()
    expect(screen.getByRole('alert')).toHaveTextContent('ACTION_FAILED')
  })

  it('does not re-render a step that never reads its values as the user types', async () => {
    const workflow = createWorkflow(checkout)
    await workflow.run({ cart: {}, shipping: { email: 'ada@example.com', delivery: 'pickup' } })
    const renders = vi.fn()
    function Payment2() {
      renders()
      useStep()
      return <Payment />
    }
    render(
      <WorkflowProvider workflow={workflow}>
        <WorkflowSteps steps={{ payment: Payment2 }} />
      </WorkflowProvider>,
    )
    renders.mockClear()
    await userEvent.type(screen.getByLabelText('Card'), '4242')
    expect(screen.getByLabelText('Card')).toHaveValue('4242')
    expect(renders).not.toHaveBeenCalled()
  })
})

describe('hostile input', () => {
  it('refuses a field path that could pollute prototypes, and leaves the draft as it was', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {})
    const workflow = createWorkflow(checkout)
    let setValue: (path: string, value: unknown) => void = () => {}
    function Cart2() {
      setValue = useStep().setValue
      return null
    }
    render(
      <WorkflowProvider workflow={workflow}>
        <WorkflowSteps steps={{ cart: Cart2 }} />
      </WorkflowProvider>,
    )
    setValue('note', 'ok')
    expect(() => setValue('__proto__.polluted', true)).toThrow("'__proto__.polluted' is not a usable field path")
    expect(() => setValue('a..b', 1)).toThrow('no empty parts')
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    expect(workflow.getSnapshot().drafts.cart).toEqual({ note: 'ok' })
    function BadField() {
      useField('constructor')
      return null
    }
    expect(() =>
      render(
        <WorkflowProvider workflow={workflow}>
          <WorkflowSteps steps={{ cart: BadField }} />
        </WorkflowProvider>,
      ),
    ).toThrow("'constructor' is not a usable field path")
  })
})
