import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, userEvent, within } from 'storybook/test'
import {
  DemoFlow,
  FOREVER,
  paidByCard,
  paidByInvoice,
  services,
  type WorkflowStoryArgsOf,
  workflowStory,
} from '../../../../../.storybook/demo'
import { checkout } from '../../flows/checkout'

type Args = WorkflowStoryArgsOf<typeof checkout>
type Story = StoryObj<Args>

/** Check your answers: every answer with a Change link; placing the order authorizes the payment. */
const meta: Meta<Args> = {
  title: 'Demo/Checkout/Check your answers',
  render: () => <DemoFlow flow="checkout" />,
  ...workflowStory(checkout, { at: 'review', state: paidByCard }),
  beforeEach: services(),
}
export default meta

export const ByCard: Story = {
  play: async ({ canvas }) => {
    await expect(canvas.getByText(/Visa ending 4242/)).toBeInTheDocument()
    await expect(canvas.getByTestId('total')).toHaveTextContent('€59.00')
  },
}

export const ByInvoice: Story = {
  args: { state: paidByInvoice },
  play: async ({ canvas }) => {
    await expect(canvas.getByText(/Analytical Engines Ltd/)).toBeInTheDocument()
    await expect(within(canvas.getByRole('list', { name: 'Steps' })).getByText('Company details')).toBeInTheDocument()
  },
}

/** "Change" reopens a step; saving it comes back here. */
export const ChangeAnAnswer: Story = {
  args: {
    drafts: {
      delivery: { method: 'standard' },
      payment: { method: 'card', card: { name: 'Ada Lovelace', number: '4242424242424242', expiry: '08/29', cvc: '123' } },
    },
  },
  play: async ({ canvas }) => {
    await userEvent.click(canvas.getByRole('button', { name: /^Change\s*delivery$/ }))
    await userEvent.click(await canvas.findByRole('radio', { name: /^Express/ }))
    await userEvent.click(canvas.getByRole('button', { name: 'Save and return to review' }))
    await expect(await canvas.findByText(/Express · Next working day/)).toBeInTheDocument()
    await expect(canvas.getByTestId('total')).toHaveTextContent('€68.90')
  },
}

export const Busy: Story = {
  args: { submit: true },
  beforeEach: services({ latency: FOREVER }),
  play: async ({ canvas }) => {
    await expect(await canvas.findByText('Submitting…')).toBeInTheDocument()
  },
}

/** The bank declines the card ending 0002: a failed action; the order is not placed. */
export const Declined: Story = {
  args: {
    state: { ...paidByCard, payment: { method: 'card', name: 'Ada Lovelace', brand: 'Visa', last4: '0002', expiry: '08/29' } },
    submit: true,
  },
  play: async ({ canvas }) => {
    await expect(await canvas.findByTestId('service-error')).toHaveTextContent('Your bank declined the card ending 0002')
    await expect(canvas.getByRole('button', { name: 'Try again' })).toBeInTheDocument()
  },
}

export const ServiceDown: Story = {
  args: { submit: true },
  beforeEach: services({ fail: ['payment'] }),
  play: async ({ canvas }) => {
    await expect(await canvas.findByTestId('service-error')).toHaveTextContent('did not respond')
    await userEvent.click(canvas.getByRole('button', { name: 'Try again' }))
    await expect(await canvas.findByTestId('confirmation')).toBeInTheDocument()
  },
}

export const Done: Story = {
  args: { state: { ...paidByCard, order: { orderId: 'FK-123456', amount: 5900, authorizedAt: '2026-11-28T06:00:00.000Z' } }, done: true },
  play: async ({ canvas }) => {
    await expect(canvas.getByTestId('reference')).toHaveTextContent('FK-123456')
  },
}
