import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, userEvent, within } from 'storybook/test'
import {
  beforePayment,
  DemoFlow,
  FOREVER,
  hoodieCart,
  services,
  shippedTo,
  type WorkflowStoryArgsOf,
  workflowStory,
} from '../../../../../.storybook/demo'
import { checkout } from '../../flows/checkout'

type Args = WorkflowStoryArgsOf<typeof checkout>
type Story = StoryObj<Args>

/**
 * The address sub-flow where the checkout asks for the delivery address (`shipping.lines`): verified by a
 * carrier service when the user continues. The same screens serve the billing and home addresses.
 */
const meta: Meta<Args> = {
  title: 'Demo/Address sub-flow/Shipping address',
  render: () => <DemoFlow flow="checkout" />,
  ...workflowStory(checkout, {
    at: 'shipping.lines',
    state: { cart: hoodieCart, shipping: { fullName: 'Ada Lovelace', line1: '', city: '', postcode: '', country: '' } },
  }),
  beforeEach: services(),
}
export default meta

const address = { line1: '12 Merrion Square', line2: '', city: 'dublin', postcode: 'd02 x285', country: 'IE' }

export const Empty: Story = {
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('heading', { level: 1, name: 'Where should we send it?' })).toBeInTheDocument()
    await expect(canvas.getByRole('list', { name: 'Steps' })).toHaveTextContent('Shipping address')
  },
}

export const ValidationIssues: Story = {
  args: { drafts: { 'shipping.lines': { ...address, postcode: '?', country: '' } }, submit: true },
  play: async ({ canvas }) => {
    await expect(await canvas.findByRole('link', { name: 'Enter a real postcode, like D02 X285 or 10115' })).toBeInTheDocument()
    await expect(canvas.getByRole('link', { name: 'Select a country' })).toBeInTheDocument()
  },
}

export const Busy: Story = {
  args: { drafts: { 'shipping.lines': address }, submit: true },
  beforeEach: services({ latency: FOREVER }),
  play: async ({ canvas }) => {
    await expect(await canvas.findByText('Verifying the address with the carrier…')).toBeInTheDocument()
  },
}

/** The carrier cannot deliver there: a failed action, the address kept for the user to change. */
export const Undeliverable: Story = {
  args: { drafts: { 'shipping.lines': { ...address, postcode: '00000' } }, submit: true },
  play: async ({ canvas }) => {
    await expect(await canvas.findByTestId('service-error')).toHaveTextContent('We cannot deliver to postcode 00000')
    await expect(canvas.getByLabelText('Postcode')).toHaveValue('00000')
  },
}

/** Verified and normalised by the carrier on the way to the next step: is the bill going there too? */
export const Verified: Story = {
  args: { drafts: { 'shipping.lines': address } },
  play: async ({ canvas }) => {
    await userEvent.click(canvas.getByRole('button', { name: 'Check address and continue' }))
    await expect(await canvas.findByRole('heading', { level: 1, name: 'Billing address' })).toBeInTheDocument()
  },
}

/** Back from delivery: the address typed before is still there. */
export const ReturnVisit: Story = {
  args: { at: 'billingSame', state: { cart: hoodieCart, shipping: beforePayment.shipping ?? null }, drafts: { 'shipping.lines': address } },
  play: async ({ canvas }) => {
    await userEvent.click(canvas.getByRole('button', { name: '← Back' }))
    await expect(await canvas.findByLabelText('Address line 1')).toHaveValue('12 Merrion Square')
    await expect(within(canvas.getByRole('list', { name: 'Steps' })).getByText('Shipping address')).toBeInTheDocument()
  },
}

/** The name step of the sub-flow, first in the checkout's shipping group. */
export const Recipient: Story = {
  args: { at: 'shipping.name', state: { cart: hoodieCart } },
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('heading', { level: 1, name: 'Who should we send it to?' })).toBeInTheDocument()
    await userEvent.type(canvas.getByLabelText('Full name'), 'Ada Lovelace')
    await userEvent.click(canvas.getByRole('button', { name: 'Continue' }))
    await expect(await canvas.findByRole('heading', { level: 1, name: 'Where should we send it?' })).toBeInTheDocument()
  },
}

/** The same sub-flow again for billing, after "No" to "same as delivery". */
export const BillingAddress: Story = {
  args: { at: 'billingSame', state: { cart: hoodieCart, shipping: shippedTo } },
  play: async ({ canvas }) => {
    await userEvent.click(canvas.getByRole('radio', { name: /^No/ }))
    await userEvent.click(canvas.getByRole('button', { name: 'Continue' }))
    await expect(await canvas.findByRole('heading', { level: 1, name: 'Who should the bill be made out to?' })).toBeInTheDocument()
  },
}
