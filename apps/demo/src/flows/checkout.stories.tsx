import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, userEvent, within } from 'storybook/test'
import { DemoFlow, services, type WorkflowStoryArgsOf, workflowStory } from '../../../../.storybook/demo'
import { checkout } from './checkout'

type Args = WorkflowStoryArgsOf<typeof checkout>
type Story = StoryObj<Args>

/** The whole checkout, walked end to end by the play functions, from an empty basket to a placed order. */
const meta: Meta<Args> = {
  title: 'Demo/Checkout/Whole flow',
  render: () => <DemoFlow flow="checkout" />,
  ...workflowStory(checkout),
  beforeEach: services(),
}
export default meta

type Canvas = Parameters<NonNullable<Story['play']>>[0]['canvas']

const heading = (canvas: Canvas, name: string) => canvas.findByRole('heading', { level: 1, name })
const stepper = (canvas: Canvas) => within(canvas.getByRole('list', { name: 'Steps' }))
const next = (canvas: Canvas, name = 'Continue') => userEvent.click(canvas.getByRole('button', { name }))

/** A licence paid by invoice: the skip (no shipping for digital goods) and the branch (invoice → company details). */
export const DigitalOrderByInvoice: Story = {
  play: async ({ canvas, step }) => {
    await step('Basket: one licence, only digital goods', async () => {
      await userEvent.click(canvas.getByRole('button', { name: 'One more Flowkit Pro licence' }))
      await next(canvas, 'Continue to checkout')
    })
    await step('Shipping is skipped', async () => {
      await heading(canvas, 'How should it arrive?')
      await expect(stepper(canvas).queryByText('Shipping address')).not.toBeInTheDocument()
      await userEvent.click(canvas.getByRole('radio', { name: /^Email/ }))
      await next(canvas)
    })
    await step('Invoice takes the company branch', async () => {
      await heading(canvas, 'Payment')
      await userEvent.click(canvas.getByRole('radio', { name: /^Invoice/ }))
      await next(canvas)
      await heading(canvas, 'Company details')
      await expect(stepper(canvas).getByText('Company details')).toBeInTheDocument()
      await userEvent.type(canvas.getByLabelText('Company name'), 'Analytical Engines Ltd')
      await userEvent.type(canvas.getByLabelText('VAT number'), 'IE6388047V')
      await userEvent.type(canvas.getByLabelText('Billing email'), 'accounts@example.com')
      await next(canvas)
    })
    await step('Check answers and place the order', async () => {
      await heading(canvas, 'Check your answers before placing your order')
      await expect(canvas.getByText(/Invoice, 30 days/)).toBeInTheDocument()
      await expect(canvas.queryByText('Shipping address')).not.toBeInTheDocument()
      await expect(canvas.getByTestId('total')).toHaveTextContent('€149.00')
      await next(canvas, 'Place order')
      await expect(await canvas.findByTestId('reference', {}, { timeout: 5000 })).toHaveTextContent(/^FK-/)
      await expect(canvas.getByTestId('submitted-json')).toHaveTextContent('"method": "invoice"')
    })
  },
}

/** The address sub-flow's lines step: typed, then verified by the carrier on the way on. */
const addressLines = async (canvas: Canvas, address: { line1: string; city: string; postcode: string }) => {
  await userEvent.type(canvas.getByLabelText('Address line 1'), address.line1)
  await userEvent.type(canvas.getByLabelText('Town or city'), address.city)
  await userEvent.type(canvas.getByLabelText('Postcode'), address.postcode)
  await userEvent.selectOptions(canvas.getByLabelText('Country'), 'IE')
  await next(canvas, 'Check address and continue')
}

/**
 * A hoodie paid by card: the address sub-flow twice (delivery, then billing as it differs), each
 * verified, and the card path goes straight to review.
 */
export const PhysicalOrderByCard: Story = {
  play: async ({ canvas }) => {
    await userEvent.click(canvas.getByRole('button', { name: 'One more Flowkit hoodie' }))
    await userEvent.type(canvas.getByLabelText(/Promo code/), 'flow10')
    await next(canvas, 'Continue to checkout')
    await heading(canvas, 'Who should we send it to?')
    await userEvent.type(canvas.getByLabelText('Full name'), 'Ada Lovelace')
    await next(canvas)
    await addressLines(canvas, { line1: '12 Merrion Square', city: 'dublin', postcode: 'd02 x285' })
    await heading(canvas, 'Billing address')
    await userEvent.click(canvas.getByRole('radio', { name: /^No/ }))
    await next(canvas)
    // The same address sub-flow again, for the bill.
    await heading(canvas, 'Who should the bill be made out to?')
    await userEvent.type(canvas.getByLabelText('Full name'), 'Analytical Engines Accounts')
    await next(canvas)
    await heading(canvas, 'What is the billing address?')
    await addressLines(canvas, { line1: '1 Grand Parade', city: 'cork', postcode: 't12 x70a' })
    await heading(canvas, 'How should it arrive?')
    await userEvent.click(canvas.getByRole('radio', { name: /^Express/ }))
    await next(canvas)
    await heading(canvas, 'Payment')
    await userEvent.click(canvas.getByRole('radio', { name: /^Card/ }))
    await userEvent.type(canvas.getByLabelText('Name on card'), 'Ada Lovelace')
    await userEvent.type(canvas.getByLabelText('Card number'), '4242 4242 4242 4242')
    await userEvent.type(canvas.getByLabelText('Expiry date'), '08/29')
    await userEvent.type(canvas.getByLabelText('Security code'), '123')
    await next(canvas)
    await heading(canvas, 'Check your answers before placing your order')
    await expect(stepper(canvas).queryByText('Company details')).not.toBeInTheDocument()
    await expect(canvas.getByText(/Dublin D02 X285/)).toBeInTheDocument()
    await expect(canvas.getByText(/Cork T12 X70A/)).toBeInTheDocument()
    await expect(canvas.getByRole('button', { name: /^Change\s*billing address$/ })).toBeInTheDocument()
    await expect(canvas.getByText(/FLOW10/)).toBeInTheDocument()
    // €59.00 − 10% + €9.90 express
    await expect(canvas.getByTestId('total')).toHaveTextContent('€63.00')
    await next(canvas, 'Place order')
    await expect(await canvas.findByTestId('reference', {}, { timeout: 5000 })).toHaveTextContent(/^FK-/)
  },
}
