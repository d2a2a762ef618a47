import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, userEvent, within } from 'storybook/test'
import { beforePayment, DemoFlow, services, type WorkflowStoryArgsOf, workflowStory } from '../../../../../.storybook/demo'
import { checkout } from '../../flows/checkout'

type Args = WorkflowStoryArgsOf<typeof checkout>
type Story = StoryObj<Args>

/** Company details: only on the invoice branch. */
const meta: Meta<Args> = {
  title: 'Demo/Checkout/Company details',
  render: () => <DemoFlow flow="checkout" />,
  ...workflowStory(checkout, { at: 'company', state: { ...beforePayment, payment: { method: 'invoice' } } }),
  beforeEach: services(),
}
export default meta

export const Empty: Story = {
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('heading', { level: 1, name: 'Company details' })).toBeInTheDocument()
    await userEvent.type(canvas.getByLabelText('VAT number'), 'ie6388047v')
    await expect(canvas.getByLabelText('VAT number')).toHaveValue('IE6388047V')
  },
}

export const ValidationIssues: Story = {
  args: { drafts: { company: { name: '', vatNumber: '123', billingEmail: 'accounts', purchaseOrder: '' } }, submit: true },
  play: async ({ canvas }) => {
    const summary = await canvas.findByRole('alert')
    await expect(
      within(summary)
        .getAllByRole('link')
        .map((a) => a.textContent),
    ).toEqual([
      'Enter the company name',
      'Enter a VAT number starting with the country code, like IE6388047V',
      'Enter an email address in the correct format, like accounts@example.com',
    ])
  },
}
