import { composeWorkflow, createWorkflow } from '@flowkit/core'
import { act, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { WorkflowProvider, WorkflowStepper } from '../src'
import { address, family, order } from './composed'
import { checkout, modes, renderIn } from './fixtures'

/** The top-level entries' own text (a group's title without its children). */
const entries = () =>
  [...(screen.getByRole('list', { name: 'Steps' }).children as HTMLCollectionOf<HTMLElement>)].map((li) =>
    [...li.childNodes]
      .filter((n) => n.nodeName !== 'OL')
      .map((n) => n.textContent)
      .join(''),
  )

/** cart → payment (card → billing address → confirm) → review: a sub-flow inside a sub-flow. */
const nested = composeWorkflow({
  id: 'nested',
  initial: 'cart',
  state: {},
  steps: {
    cart: { title: 'Cart', next: 'payment' },
    payment: {
      title: 'Payment',
      flow: composeWorkflow({
        id: 'payment',
        initial: 'card',
        state: {},
        steps: {
          card: { title: 'Card', next: 'billing' },
          billing: { title: 'Billing address', flow: address, next: 'confirm' },
          confirm: { title: 'Confirm', final: true },
        },
      }),
      next: 'review',
    },
    review: { title: 'Review', final: true },
  },
})

const texts = (list: HTMLElement) =>
  [...(list.children as HTMLCollectionOf<HTMLElement>)].map((li) =>
    [...li.childNodes]
      .filter((n) => n.nodeName !== 'OL')
      .map((n) => n.textContent)
      .join(''),
  )

describe.each(modes)('WorkflowStepper with groups %s', (_, strict) => {
  it('nests a sub-flow inside a sub-flow: each level one entry, listed while current', async () => {
    const workflow = createWorkflow(nested)
    for (const input of [undefined, undefined, { street: '1 Main St' }]) await workflow.next(input)
    expect(workflow.getSnapshot().step).toBe('payment.billing.city')
    renderIn(
      strict,
      <WorkflowProvider workflow={workflow}>
        <WorkflowStepper groupClassName={(g) => `group-${g.status}`} />
      </WorkflowProvider>,
    )
    expect(entries()).toEqual(['Cart', 'Payment', 'Review'])
    expect(texts(screen.getByRole('list', { name: 'Payment' }))).toEqual(['Card', 'Billing address', 'Confirm'])
    const billing = screen.getByRole('list', { name: 'Billing address' })
    expect(texts(billing)).toEqual(['Street', 'City'])
    expect(within(billing).getByText('City').closest('li')).toHaveAttribute('aria-current', 'step')
    expect(screen.getByText('Billing address').closest('li')).toHaveClass('group-current')
    await workflow.next({ city: 'Paris' })
    // The inner sub-flow collapses once left; the outer one stays open while Confirm is current.
    expect(screen.queryByRole('list', { name: 'Billing address' })).not.toBeInTheDocument()
    expect(texts(screen.getByRole('list', { name: 'Payment' }))).toEqual(['Card', 'Billing address', 'Confirm'])
    await userEvent.click(screen.getByRole('button', { name: 'Billing address' }))
    expect(workflow.getSnapshot().step).toBe('payment.billing.street')
  })

  it('shows a sub-flow as one entry whose steps are listed while it is current', async () => {
    const workflow = createWorkflow(order)
    await workflow.next()
    await workflow.next({ street: '1 Main St' })
    renderIn(
      strict,
      <WorkflowProvider workflow={workflow}>
        <WorkflowStepper groupClassName={(g) => `group-${g.status}`} />
      </WorkflowProvider>,
    )
    expect(entries()).toEqual(['Cart', 'Delivery address', 'Billing address', 'Review'])
    const shipping = screen.getByRole('list', { name: 'Delivery address' })
    expect(
      within(shipping)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['Street', 'City'])
    expect(within(shipping).getByText('City').closest('li')).toHaveAttribute('aria-current', 'step')
    expect(screen.getByText('Delivery address').closest('li')).toHaveClass('group-current')
    expect(screen.queryByRole('list', { name: 'Billing address' })).not.toBeInTheDocument()
    await userEvent.click(within(shipping).getByRole('button', { name: 'Street' }))
    expect(workflow.getSnapshot().step).toBe('shipping.street')
    await workflow.next({ street: '1 Main St' })
    await workflow.next({ city: 'Paris' })
    // Collapsed once left; its title goes back to its first step.
    expect(screen.queryByRole('list', { name: 'Delivery address' })).not.toBeInTheDocument()
    expect(screen.getByRole('list', { name: 'Billing address' })).toBeInTheDocument()
    await userEvent.click(screen.getByRole('button', { name: 'Delivery address' }))
    expect(workflow.getSnapshot().step).toBe('shipping.street')
  })

  it('shows a repeat as one entry, as a sub-flow: its items numbered, its summary once where it is last visited', async () => {
    const workflow = createWorkflow(family())
    for (const input of [undefined, { action: 'add' }, { name: 'Ada' }, { age: 7 }, { action: 'add' }]) await workflow.next(input)
    renderIn(
      strict,
      <WorkflowProvider workflow={workflow}>
        <WorkflowStepper groupClassName={(g) => `group-${g.status}`} />
      </WorkflowProvider>,
    )
    expect(entries()).toEqual(['About you', 'Dependants', 'Check your answers'])
    const repeat = screen.getByRole('list', { name: 'Dependants' })
    expect(texts(repeat)).toEqual(['Dependants 1', 'Dependants 2', 'Dependants'])
    const item = within(repeat).getByRole('list', { name: 'Dependants 2' })
    expect(texts(item)).toEqual(['Name', 'Age'])
    expect(within(item).getByText('Name').closest('li')).toHaveAttribute('aria-current', 'step')
    expect(screen.getAllByRole('list')).toHaveLength(3)
    // The summary comes next on the path, so its entry is upcoming; the done item is a button back to its first step.
    expect(within(repeat).getByText('Dependants').closest('li')).not.toHaveAttribute('aria-current')
    await userEvent.click(within(repeat).getByRole('button', { name: 'Dependants 1' }))
    expect(workflow.getSnapshot().step).toBe('dependants.0.name')
  })

  it('marks the summary current inside its repeat, and collapses the repeat once left', async () => {
    const workflow = createWorkflow(family())
    for (const input of [undefined, { action: 'add' }, { name: 'Ada' }, { age: 7 }]) await workflow.next(input)
    renderIn(
      strict,
      <WorkflowProvider workflow={workflow}>
        <WorkflowStepper groupClassName={(g) => `group-${g.status}`} />
      </WorkflowProvider>,
    )
    expect(workflow.getSnapshot().step).toBe('dependants')
    const repeat = screen.getByRole('list', { name: 'Dependants' })
    expect(texts(repeat)).toEqual(['Dependants 1', 'Dependants'])
    expect(within(repeat).getByText('Dependants').closest('li')).toHaveAttribute('aria-current', 'step')
    expect(repeat.closest('li')).toHaveClass('group-current')
    await act(() => workflow.next({ action: 'continue' }))
    expect(entries()).toEqual(['About you', 'Dependants', 'Check your answers'])
    expect(screen.queryByRole('list', { name: 'Dependants' })).not.toBeInTheDocument()
    // The collapsed repeat goes back to its summary (the latest visit), with the items kept.
    await userEvent.click(screen.getByRole('button', { name: 'Dependants' }))
    expect(workflow.getSnapshot().step).toBe('dependants')
    expect(workflow.getSnapshot().state.dependants).toEqual([{ name: 'Ada', age: 7 }])
  })

  it('a repeat whose first item is asked before its summary (min 1) still opens at the summary, every item kept', async () => {
    const workflow = createWorkflow(family(1))
    for (const input of [undefined, { name: 'Ada' }, { age: 7 }, { action: 'add' }, { name: 'Bob' }, { age: 5 }, { action: 'continue' }])
      await workflow.next(input)
    expect(workflow.getSnapshot().history.slice(0, 2)).toEqual(['about', 'dependants.0.name'])
    renderIn(
      strict,
      <WorkflowProvider workflow={workflow}>
        <WorkflowStepper />
      </WorkflowProvider>,
    )
    await userEvent.click(screen.getByRole('button', { name: 'Dependants' }))
    expect(workflow.getSnapshot().step).toBe('dependants')
    expect(workflow.getSnapshot().state.dependants).toEqual([
      { name: 'Ada', age: 7 },
      { name: 'Bob', age: 5 },
    ])
  })

  it('marks a finished sub-flow done, as a finished step, and lets it be drawn as one (groupChildren)', async () => {
    const workflow = createWorkflow(order)
    for (const input of [undefined, { street: '1 Main St' }, { city: 'Paris' }]) await workflow.next(input)
    expect(workflow.getSnapshot().step).toBe('billing.street')
    renderIn(
      strict,
      <WorkflowProvider workflow={workflow}>
        <WorkflowStepper
          groupClassName={(g) => `group-${g.status}`}
          groupChildren={(g) =>
            g.canJump ? (
              <button type="button" onClick={g.jump}>
                ✓ {g.title}
              </button>
            ) : (
              `${g.number} ${g.title}`
            )
          }
        >
          {(item) => `${item.canJump ? '✓' : item.number} ${item.title}`}
        </WorkflowStepper>
      </WorkflowProvider>,
    )
    expect(entries()).toEqual(['✓ Cart', '✓ Delivery address', '3 Billing address', '4 Review'])
    const shipping = screen.getByRole('button', { name: '✓ Delivery address' })
    expect(shipping.closest('li')).toHaveClass('group-done')
    expect(screen.getByText('3 Billing address').closest('li')).toHaveClass('group-current')
    await userEvent.click(shipping)
    expect(workflow.getSnapshot().step).toBe('shipping.street')
  })

  it('numbers the entries as listed, 1 to n, a group counting once; position stays the step on the path', async () => {
    const workflow = createWorkflow(order)
    for (const input of [undefined, { street: '1 Main St' }, { city: 'Paris' }]) await workflow.next(input)
    const seen: Record<string, [number, number]> = {}
    const groups: Record<string, [number, string]> = {}
    renderIn(
      strict,
      <WorkflowProvider workflow={workflow}>
        <WorkflowStepper
          groupClassName={(g) => {
            groups[g.title] = [g.number, g.items.map((i) => `${i.step}:${i.number}/${i.position}`).join(' ')]
            return undefined
          }}
        >
          {(item) => {
            seen[item.step] = [item.number, item.position]
            return item.title
          }}
        </WorkflowStepper>
      </WorkflowProvider>,
    )
    expect(seen).toEqual({ cart: [1, 1], 'billing.street': [1, 4], 'billing.city': [2, 5], review: [4, 6] })
    expect(groups).toEqual({
      'Delivery address': [2, 'shipping.street:1/2 shipping.city:2/3'],
      'Billing address': [3, 'billing.street:1/4 billing.city:2/5'],
    })
  })

  it('renders a flow without groups as before: one flat list', () => {
    const workflow = createWorkflow(checkout)
    const { container } = renderIn(
      strict,
      <WorkflowProvider workflow={workflow}>
        <WorkflowStepper />
      </WorkflowProvider>,
    )
    expect(container.querySelector('ol')?.outerHTML).toBe(
      '<ol aria-label="Steps"><li aria-current="step">Cart</li><li>Shipping</li><li>Address</li><li>Payment</li><li>Review</li></ol>',
    )
  })
})
