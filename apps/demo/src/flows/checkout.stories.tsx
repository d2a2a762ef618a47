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

/** A hoodie paid by card: the address is verified, and the card path goes straight to review. */
export const PhysicalOrderByCard: Story = {
  play: async ({ canvas }) => {
    await userEvent.click(canvas.getByRole('button', { name: 'One more Flowkit hoodie' }))
    await userEvent.type(canvas.getByLabelText(/Promo code/), 'flow10')
    await next(canvas, 'Continue to checkout')
    await heading(canvas, 'Where should we send it?')
    await userEvent.type(canvas.getByLabelText('Full name'), 'Ada Lovelace')
    await userEvent.type(canvas.getByLabelText('Address line 1'), '12 Merrion Square')
    await userEvent.type(canvas.getByLabelText('Town or city'), 'dublin')
    await userEvent.type(canvas.getByLabelText('Postcode'), 'd02 x285')
    await userEvent.selectOptions(canvas.getByLabelText('Country'), 'IE')
    await next(canvas, 'Check address and continue')
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
    await expect(canvas.getByText(/FLOW10/)).toBeInTheDocument()
    // €59.00 − 10% + €9.90 express
    await expect(canvas.getByTestId('total')).toHaveTextContent('€63.00')
    await next(canvas, 'Place order')
    await expect(await canvas.findByTestId('reference', {}, { timeout: 5000 })).toHaveTextContent(/^FK-/)
  },
}
