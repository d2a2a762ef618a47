import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, userEvent, within } from 'storybook/test'
import { beforePayment, DemoFlow, services, type WorkflowStoryArgsOf, workflowStory } from '../../../../../.storybook/demo'
import { checkout } from '../../flows/checkout'

type Args = WorkflowStoryArgsOf<typeof checkout>
type Story = StoryObj<Args>

/** Payment: card or invoice. Paying by invoice takes the company details step. */
const meta: Meta<Args> = {
  title: 'Demo/Checkout/Payment',
  render: () => <DemoFlow flow="checkout" />,
  ...workflowStory(checkout, { at: 'payment', state: beforePayment }),
  beforeEach: services(),
}
export default meta

const card = { name: 'Ada Lovelace', number: '4242 4242 4242 4242', expiry: '08/29', cvc: '123' }

export const Empty: Story = {
  play: async ({ canvas }) => {
    await expect(canvas.queryByLabelText('Card number')).not.toBeInTheDocument()
    await userEvent.click(canvas.getByRole('radio', { name: /^Card/ }))
    await expect(canvas.getByLabelText('Card number')).toBeInTheDocument()
  },
}

export const CardFilled: Story = {
  args: { drafts: { payment: { method: 'card', card } } },
  play: async ({ canvas }) => {
    await userEvent.click(canvas.getByRole('button', { name: 'Continue' }))
    await expect(await canvas.findByRole('heading', { level: 1, name: 'Check your answers before placing your order' })).toBeInTheDocument()
  },
}

export const ValidationIssues: Story = {
  args: { drafts: { payment: { method: 'card', card: { ...card, number: '4242', expiry: '13/99' } } }, submit: true },
  play: async ({ canvas }) => {
    await expect(await canvas.findByRole('link', { name: /Enter a card number of 13 to 19 digits/ })).toBeInTheDocument()
    await expect(canvas.getByRole('link', { name: /Enter the expiry date as MM\/YY/ })).toBeInTheDocument()
  },
}

/** The branch: invoice leads to the company details step, which the stepper now shows. */
export const InvoiceBranch: Story = {
  args: { drafts: { payment: { method: 'invoice' } } },
  play: async ({ canvas }) => {
    await userEvent.click(canvas.getByRole('button', { name: 'Continue' }))
    await expect(await canvas.findByRole('heading', { level: 1, name: 'Company details' })).toBeInTheDocument()
    await expect(within(canvas.getByRole('list', { name: 'Steps' })).getByText('Company details')).toBeInTheDocument()
  },
}
