import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, userEvent, within } from 'storybook/test'
import {
  DemoFlow,
  employedSingle,
  FOREVER,
  services,
  studentFamily,
  type WorkflowStoryArgsOf,
  workflowStory,
} from '../../../../../.storybook/demo'
import { enrollment } from '../../flows/enrollment'

type Args = WorkflowStoryArgsOf<typeof enrollment>
type Story = StoryObj<Args>

/** Check your answers, then submit the application to the (slow, fallible) back office. */
const meta: Meta<Args> = {
  title: 'Demo/Enrollment/Check your answers',
  render: () => <DemoFlow flow="enrollment" />,
  ...workflowStory(enrollment, { at: 'review', state: studentFamily }),
  beforeEach: services(),
}
export default meta

export const StudentFamily: Story = {
  play: async ({ canvas }) => {
    await expect(canvas.getByText('Trinity College Dublin', { exact: false })).toBeInTheDocument()
    // In the list of dependants (its Change link opens their summary) and in the dependant's own name row.
    await expect(canvas.getAllByText('Byron Lovelace', { exact: false })).toHaveLength(2)
  },
}

export const EmployedSingle: Story = {
  args: { state: employedSingle },
  play: async ({ canvas }) => {
    await expect(within(canvas.getByRole('list', { name: 'Steps' })).queryByText('Dependants')).not.toBeInTheDocument()
    await expect(canvas.queryByText('Dependants')).not.toBeInTheDocument()
  },
}

export const Busy: Story = {
  args: { submit: true },
  beforeEach: services({ latency: FOREVER }),
  play: async ({ canvas }) => {
    await expect(await canvas.findByText('Submitting…')).toBeInTheDocument()
  },
}

export const ServiceDown: Story = {
  args: { submit: true },
  beforeEach: services({ fail: ['enrollment'] }),
  play: async ({ canvas }) => {
    await expect(await canvas.findByTestId('service-error')).toHaveTextContent('did not respond')
    await userEvent.click(canvas.getByRole('button', { name: 'Try again' }))
    await expect(await canvas.findByRole('heading', { level: 1, name: 'Enrollment complete' })).toBeInTheDocument()
  },
}

export const Done: Story = {
  args: { state: { ...studentFamily, receipt: { reference: 'ENR-12345', submittedAt: '2026-11-28T06:00:00.000Z' } }, done: true },
  play: async ({ canvas }) => {
    await expect(canvas.getByTestId('reference')).toHaveTextContent('ENR-12345')
  },
}
