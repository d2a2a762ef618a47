import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, userEvent, within } from 'storybook/test'
import {
  DemoFlow,
  hoodieCart,
  licenceCart,
  services,
  shippedTo,
  type WorkflowStoryArgsOf,
  workflowStory,
} from '../../../../../.storybook/demo'
import { checkout } from '../../flows/checkout'

type Args = WorkflowStoryArgsOf<typeof checkout>
type Story = StoryObj<Args>

/** Delivery: the methods offered depend on the basket. */
const meta: Meta<Args> = {
  title: 'Demo/Checkout/Delivery',
  render: () => <DemoFlow flow="checkout" />,
  ...workflowStory(checkout, { at: 'delivery', state: { cart: hoodieCart, shipping: shippedTo } }),
  beforeEach: services(),
}
export default meta

export const PhysicalGoods: Story = {
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('radio', { name: /^Standard/ })).toBeInTheDocument()
    await expect(canvas.getByRole('radio', { name: /^Express/ })).toBeInTheDocument()
    await expect(canvas.queryByRole('radio', { name: /^Email/ })).not.toBeInTheDocument()
  },
}

/** Only digital goods: shipping was skipped (not in the stepper) and only email delivery is offered. */
export const DigitalOnlySkipsShipping: Story = {
  args: { state: { cart: licenceCart } },
  play: async ({ canvas }) => {
    const steps = canvas.getByRole('list', { name: 'Steps' })
    await expect(within(steps).queryByText('Shipping address')).not.toBeInTheDocument()
    await expect(canvas.getAllByRole('radio').map((r) => r.getAttribute('value'))).toEqual(['email'])
    await userEvent.click(canvas.getByRole('button', { name: '← Back' }))
    await expect(await canvas.findByRole('heading', { level: 1, name: 'Your basket' })).toBeInTheDocument()
  },
}

export const ValidationIssues: Story = {
  args: { drafts: { delivery: {} }, submit: true },
  play: async ({ canvas }) => {
    await expect(await canvas.findByRole('link', { name: 'Select a delivery method' })).toBeInTheDocument()
  },
}
