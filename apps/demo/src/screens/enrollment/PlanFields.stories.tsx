import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, userEvent, within } from 'storybook/test'
import { applicant, DemoFlow, services, type WorkflowStoryArgsOf, workflowStory } from '../../../../../.storybook/demo'
import { enrollment } from '../../flows/enrollment'

type Args = WorkflowStoryArgsOf<typeof enrollment>
type Story = StoryObj<Args>

const employment = { employer: 'Analytical Engines Ltd', jobTitle: 'Engineer', employerPays: false }

/** The plan: a single plan skips the dependants step. */
const meta: Meta<Args> = {
  title: 'Demo/Enrollment/Plan',
  render: () => <DemoFlow flow="enrollment" />,
  ...workflowStory(enrollment, { at: 'plan', state: { applicant, eligibility: 'employed', employment } }),
  beforeEach: services(),
}
export default meta

export const Empty: Story = {
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('heading', { level: 1, name: 'Choose your plan' })).toBeInTheDocument()
  },
}

export const ValidationIssues: Story = {
  args: { drafts: { plan: {} }, submit: true },
  play: async ({ canvas }) => {
    await expect(await canvas.findByRole('link', { name: 'Select a plan' })).toBeInTheDocument()
    await expect(canvas.getByRole('link', { name: 'Select a level of cover' })).toBeInTheDocument()
  },
}

/** The skip: "Just me" goes straight to consents; dependants is not on the path. */
export const SingleSkipsDependants: Story = {
  args: { drafts: { plan: { plan: 'single', tier: 'essential' } } },
  play: async ({ canvas }) => {
    await userEvent.click(canvas.getByRole('button', { name: 'Continue' }))
    await expect(await canvas.findByRole('heading', { level: 1, name: 'Consents' })).toBeInTheDocument()
    await expect(within(canvas.getByRole('list', { name: 'Steps' })).queryByText('Dependants')).not.toBeInTheDocument()
  },
}

export const FamilyAsksForDependants: Story = {
  args: { drafts: { plan: { plan: 'family', tier: 'plus' } } },
  play: async ({ canvas }) => {
    await userEvent.click(canvas.getByRole('button', { name: 'Continue' }))
    await expect(await canvas.findByRole('heading', { level: 1, name: 'What is the full name of dependant 1?' })).toBeInTheDocument()
  },
}
