import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, userEvent } from 'storybook/test'
import { DemoFlow, FOREVER, services, type WorkflowStoryArgsOf, workflowStory } from '../../../../../.storybook/demo'
import { checkout } from '../../flows/checkout'

type Args = WorkflowStoryArgsOf<typeof checkout>
type Story = StoryObj<Args>

/** The basket: quantities and a promo code, checked by the (slow, fallible) promo service when the user continues. */
const meta: Meta<Args> = {
  title: 'Demo/Checkout/Basket',
  render: () => <DemoFlow flow="checkout" />,
  ...workflowStory(checkout, { at: 'cart' }),
  beforeEach: services(),
}
export default meta

const blank = { quantities: {}, promo: '' }

export const Empty: Story = {
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('heading', { level: 1, name: 'Your basket' })).toBeInTheDocument()
    await expect(canvas.getByTestId('subtotal')).toHaveTextContent('€0.00')
    await userEvent.click(canvas.getByRole('button', { name: 'One more Flowkit hoodie' }))
    await expect(canvas.getByTestId('subtotal')).toHaveTextContent('€59.00')
  },
}

export const Filled: Story = {
  args: { drafts: { cart: { quantities: { hoodie: 2, stickers: 1 }, promo: 'FLOW10' } } },
  play: async ({ canvas }) => {
    await expect(canvas.getByTestId('subtotal')).toHaveTextContent('€124.00')
    await expect(canvas.getByLabelText(/Promo code/)).toHaveValue('FLOW10')
  },
}

export const ValidationIssues: Story = {
  args: { drafts: { cart: blank }, submit: true },
  play: async ({ canvas }) => {
    await expect(await canvas.findByRole('link', { name: 'Add at least one item to your basket' })).toBeInTheDocument()
  },
}

/** The promo service says no: an issue on the promo field, found by async validation. */
export const InvalidPromo: Story = {
  args: { drafts: { cart: { quantities: { hoodie: 1 }, promo: 'nope' } }, submit: true },
  play: async ({ canvas }) => {
    await expect(await canvas.findByRole('link', { name: 'Promo code NOPE is not valid or has expired' })).toBeInTheDocument()
  },
}

export const Busy: Story = {
  args: { drafts: { cart: { quantities: { hoodie: 1 }, promo: 'FLOW10' } }, submit: true },
  beforeEach: services({ latency: FOREVER }),
  play: async ({ canvas }) => {
    await expect(await canvas.findByText('Checking your promo code…')).toBeInTheDocument()
    await expect(canvas.getByTestId('submit')).toHaveTextContent('Please wait…')
  },
}

/** The promo service is down: the step reports it and keeps what was typed; Try again succeeds. */
export const ServiceDown: Story = {
  args: { drafts: { cart: { quantities: { hoodie: 1 }, promo: 'FLOW10' } }, submit: true },
  beforeEach: services({ fail: ['promo'] }),
  play: async ({ canvas }) => {
    await expect(await canvas.findByTestId('service-error')).toHaveTextContent('did not respond')
    await userEvent.click(canvas.getByRole('button', { name: 'Try again' }))
    await expect(await canvas.findByRole('heading', { level: 1, name: 'Who should we send it to?' })).toBeInTheDocument()
  },
}
