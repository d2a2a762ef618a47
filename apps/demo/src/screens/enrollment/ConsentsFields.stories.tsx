import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, userEvent } from 'storybook/test'
import { applicant, DemoFlow, services, type WorkflowStoryArgsOf, workflowStory } from '../../../../../.storybook/demo'
import { enrollment } from '../../flows/enrollment'

type Args = WorkflowStoryArgsOf<typeof enrollment>
type Story = StoryObj<Args>

/** Consents, reached here on a single plan (dependants skipped). */
const meta: Meta<Args> = {
  title: 'Demo/Enrollment/Consents',
  render: () => <DemoFlow flow="enrollment" />,
  ...workflowStory(enrollment, {
    at: 'consents',
    state: {
      applicant,
      eligibility: 'employed',
      employment: { employer: 'Analytical Engines Ltd', jobTitle: 'Engineer', employerPays: false },
      plan: { plan: 'single', tier: 'essential' },
    },
  }),
  beforeEach: services(),
}
export default meta

export const Empty: Story = {
  play: async ({ canvas }) => {
    await userEvent.click(canvas.getByRole('button', { name: '← Back' }))
    await expect(await canvas.findByRole('heading', { level: 1, name: 'Choose your plan' })).toBeInTheDocument()
  },
}

export const ValidationIssues: Story = {
  args: { drafts: { consents: { terms: false, privacy: false, marketing: false } }, submit: true },
  play: async ({ canvas }) => {
    await expect(await canvas.findByRole('link', { name: 'You must accept the terms of cover to enrol' })).toBeInTheDocument()
    await expect(canvas.getByRole('link', { name: 'You must agree to how we use your data to enrol' })).toBeInTheDocument()
  },
}
