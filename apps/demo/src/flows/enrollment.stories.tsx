import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, userEvent, within } from 'storybook/test'
import { DemoFlow, services, type WorkflowStoryArgsOf, workflowStory } from '../../../../.storybook/demo'
import { enrollment } from './enrollment'

type Args = WorkflowStoryArgsOf<typeof enrollment>
type Story = StoryObj<Args>

/** The whole enrollment, walked end to end by the play function. */
const meta: Meta<Args> = {
  title: 'Demo/Enrollment/Whole flow',
  render: () => <DemoFlow flow="enrollment" />,
  ...workflowStory(enrollment),
  beforeEach: services(),
}
export default meta

/** A student on a single plan: the branch (student → your studies) and the skip (no dependants on a single plan). */
export const StudentOnASinglePlan: Story = {
  play: async ({ canvas, step }) => {
    const heading = (name: string) => canvas.findByRole('heading', { level: 1, name })
    const next = (name = 'Continue') => userEvent.click(canvas.getByRole('button', { name }))
    const stepper = () => within(canvas.getByRole('list', { name: 'Steps' }))
    await step('About you', async () => {
      await userEvent.type(canvas.getByLabelText('Full name'), 'Ada Lovelace')
      await userEvent.type(canvas.getByLabelText('Email address'), 'ada@example.com')
      await userEvent.type(canvas.getByLabelText('Date of birth'), '1990-12-10')
      await next()
    })
    await step('The home address: the address sub-flow, named after the applicant', async () => {
      await heading('What is your home address?')
      await userEvent.type(canvas.getByLabelText('Address line 1'), '12 Merrion Square')
      await userEvent.type(canvas.getByLabelText('Town or city'), 'dublin')
      await userEvent.type(canvas.getByLabelText('Postcode'), 'd02 x285')
      await userEvent.selectOptions(canvas.getByLabelText('Country'), 'IE')
      await next('Check address and continue')
    })
    await step('Eligibility branches to the studies step', async () => {
      await heading('Eligibility')
      await userEvent.click(canvas.getByRole('radio', { name: /^Student/ }))
      await next()
      await heading('Your studies')
      await expect(stepper().getByText('Your studies')).toBeInTheDocument()
      await expect(stepper().queryByText('Your employment')).not.toBeInTheDocument()
      await userEvent.type(canvas.getByLabelText('School, college or university'), 'Trinity College Dublin')
      await userEvent.type(canvas.getByLabelText('Student ID'), 'TCD12345')
      await userEvent.type(canvas.getByLabelText('Expected graduation year'), String(new Date().getFullYear() + 2))
      await next()
    })
    await step('A single plan skips dependants', async () => {
      await heading('Choose your plan')
      await userEvent.click(canvas.getByRole('radio', { name: /^Just me/ }))
      await userEvent.click(canvas.getByRole('radio', { name: /^Essential/ }))
      await next()
      await heading('Consents')
      await expect(stepper().queryByText('Dependants')).not.toBeInTheDocument()
      await userEvent.click(canvas.getByRole('checkbox', { name: /I accept the terms of cover/ }))
      await userEvent.click(canvas.getByRole('checkbox', { name: /I agree to how my data is used/ }))
      await next()
    })
    await step('Check answers and submit', async () => {
      await heading('Check your answers before you enrol')
      await expect(canvas.getByText('Trinity College Dublin', { exact: false })).toBeInTheDocument()
      await next('Submit enrollment')
      await expect(await canvas.findByTestId('reference', {}, { timeout: 5000 })).toHaveTextContent(/^ENR-/)
      await expect(canvas.getByTestId('submitted-json')).toHaveTextContent('"eligibility": "student"')
      await expect(canvas.getByTestId('submitted-json')).toHaveTextContent('"dependants": null')
    })
  },
}
