import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, userEvent, within } from 'storybook/test'
import {
  beforePayment,
  DemoFlow,
  FOREVER,
  hoodieCart,
  services,
  type WorkflowStoryArgsOf,
  workflowStory,
} from '../../../../../.storybook/demo'
import { checkout } from '../../flows/checkout'

type Args = WorkflowStoryArgsOf<typeof checkout>
type Story = StoryObj<Args>

/** The shipping address, verified by a carrier service when the user continues. Skipped for digital-only baskets. */
const meta: Meta<Args> = {
  title: 'Demo/Checkout/Shipping address',
  render: () => <DemoFlow flow="checkout" />,
  ...workflowStory(checkout, { at: 'shipping', state: { cart: hoodieCart } }),
  beforeEach: services(),
}
export default meta

const address = { fullName: 'Ada Lovelace', line1: '12 Merrion Square', line2: '', city: 'dublin', postcode: 'd02 x285', country: 'IE' }

export const Empty: Story = {
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('heading', { level: 1, name: 'Where should we send it?' })).toBeInTheDocument()
    await expect(canvas.getByRole('list', { name: 'Steps' })).toHaveTextContent('Shipping address')
  },
}

export const ValidationIssues: Story = {
  args: { drafts: { shipping: { ...address, postcode: '?', country: '' } }, submit: true },
  play: async ({ canvas }) => {
    await expect(await canvas.findByRole('link', { name: 'Enter a real postcode, like D02 X285 or 10115' })).toBeInTheDocument()
    await expect(canvas.getByRole('link', { name: 'Select a country' })).toBeInTheDocument()
  },
}

export const Busy: Story = {
  args: { drafts: { shipping: address }, submit: true },
  beforeEach: services({ latency: FOREVER }),
  play: async ({ canvas }) => {
    await expect(await canvas.findByText('Verifying the address with the carrier…')).toBeInTheDocument()
  },
}

/** The carrier cannot deliver there: a failed action, the address kept for the user to change. */
export const Undeliverable: Story = {
  args: { drafts: { shipping: { ...address, postcode: '00000' } }, submit: true },
  play: async ({ canvas }) => {
    await expect(await canvas.findByTestId('service-error')).toHaveTextContent('We cannot deliver to postcode 00000')
    await expect(canvas.getByLabelText('Postcode')).toHaveValue('00000')
  },
}

/** Verified and normalised by the carrier on the way to the next step. */
export const Verified: Story = {
  args: { drafts: { shipping: address } },
  play: async ({ canvas }) => {
    await userEvent.click(canvas.getByRole('button', { name: 'Check address and continue' }))
    await expect(await canvas.findByRole('heading', { level: 1, name: 'How should it arrive?' })).toBeInTheDocument()
  },
}

/** Back from delivery: the address typed before is still there. */
export const ReturnVisit: Story = {
  args: { at: 'delivery', state: { cart: hoodieCart, shipping: beforePayment.shipping ?? null }, drafts: { shipping: address } },
  play: async ({ canvas }) => {
    await userEvent.click(canvas.getByRole('button', { name: '← Back' }))
    await expect(await canvas.findByLabelText('Address line 1')).toHaveValue('12 Merrion Square')
    await expect(within(canvas.getByRole('list', { name: 'Steps' })).getByText('Shipping address')).toBeInTheDocument()
  },
}
