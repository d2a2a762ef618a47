import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, userEvent } from 'storybook/test'
import { applicant, DemoFlow, services, type WorkflowStoryArgsOf, workflowStory } from '../../../../../.storybook/demo'
import { enrollment } from '../../flows/enrollment'

type Args = WorkflowStoryArgsOf<typeof enrollment>
type Story = StoryObj<Args>

/** Dependants: a list the user grows; only on couple and family plans. */
const meta: Meta<Args> = {
  title: 'Demo/Enrollment/Dependants',
  render: () => <DemoFlow flow="enrollment" />,
  ...workflowStory(enrollment, {
    at: 'dependents',
    state: {
      applicant,
      eligibility: 'other',
      circumstances: { situation: 'carer', details: undefined },
      plan: { plan: 'family', tier: 'plus' },
    },
  }),
  beforeEach: services(),
}
export default meta

export const AddAnother: Story = {
  play: async ({ canvas }) => {
    const before = canvas.getAllByLabelText('Full name').length
    await userEvent.click(canvas.getByRole('button', { name: '+ Add another dependant' }))
    await expect(canvas.getAllByLabelText('Full name')).toHaveLength(before + 1)
  },
}

export const ValidationIssues: Story = {
  args: { drafts: { dependents: { dependents: [{ name: '', birthDate: '', relationship: '' }] } }, submit: true },
  play: async ({ canvas }) => {
    await expect(await canvas.findByRole('link', { name: 'Enter the dependant’s full name' })).toBeInTheDocument()
  },
}
