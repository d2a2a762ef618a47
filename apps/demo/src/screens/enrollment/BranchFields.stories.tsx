import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, userEvent, within } from 'storybook/test'
import { applicant, DemoFlow, services, type WorkflowStoryArgsOf, workflowStory } from '../../../../../.storybook/demo'
import { enrollment } from '../../flows/enrollment'

type Args = WorkflowStoryArgsOf<typeof enrollment>
type Story = StoryObj<Args>

/** The three branches after eligibility; each story opens one. */
const meta: Meta<Args> = {
  title: 'Demo/Enrollment/Branches',
  render: () => <DemoFlow flow="enrollment" />,
  ...workflowStory(enrollment),
  beforeEach: services(),
}
export default meta

export const Student: Story = {
  args: { at: 'student', state: { applicant, eligibility: 'student' } },
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('heading', { level: 1, name: 'Your studies' })).toBeInTheDocument()
    await expect(within(canvas.getByRole('list', { name: 'Steps' })).getByText('Your studies')).toBeInTheDocument()
  },
}

export const StudentIssues: Story = {
  args: { ...Student.args, drafts: { student: { institution: '', studentId: '12', graduationYear: '1999' } }, submit: true },
  play: async ({ canvas }) => {
    await expect(await canvas.findByRole('link', { name: 'Enter your student ID, 5 to 12 letters or digits' })).toBeInTheDocument()
    await expect(canvas.getByRole('link', { name: 'Your graduation year cannot be in the past' })).toBeInTheDocument()
  },
}

export const Employment: Story = {
  args: { at: 'employment', state: { applicant, eligibility: 'employed' } },
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('heading', { level: 1, name: 'Your employment' })).toBeInTheDocument()
    await userEvent.click(canvas.getByRole('checkbox', { name: /My employer contributes/ }))
    await expect(canvas.getByRole('checkbox', { name: /My employer contributes/ })).toBeChecked()
  },
}

export const Circumstances: Story = {
  args: { at: 'circumstances', state: { applicant, eligibility: 'other' } },
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('heading', { level: 1, name: 'Your circumstances' })).toBeInTheDocument()
    await expect(canvas.getAllByRole('radio')).toHaveLength(4)
  },
}
