import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, userEvent, within } from 'storybook/test'
import { DemoFlow, services, type WorkflowStoryArgsOf, workflowStory } from '../../../../../.storybook/demo'
import { enrollment } from '../../flows/enrollment'

type Args = WorkflowStoryArgsOf<typeof enrollment>
type Story = StoryObj<Args>

/** The first step: who is enrolling. */
const meta: Meta<Args> = {
  title: 'Demo/Enrollment/About you',
  render: () => <DemoFlow flow="enrollment" />,
  ...workflowStory(enrollment, { at: 'about' }),
  beforeEach: services(),
}
export default meta

export const Empty: Story = {
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('heading', { level: 1, name: 'About you' })).toBeInTheDocument()
    await expect(canvas.queryByRole('button', { name: '← Back' })).not.toBeInTheDocument()
    await expect(canvas.getByTestId('progress')).toHaveTextContent('Step 1 of at least')
  },
}

export const ValidationIssues: Story = {
  args: { drafts: { about: { fullName: '', email: 'ada', birthDate: '2020-01-01' } }, submit: true },
  play: async ({ canvas }) => {
    const summary = await canvas.findByRole('alert')
    await expect(
      within(summary)
        .getAllByRole('link')
        .map((a) => a.textContent),
    ).toEqual([
      'Enter your full name',
      'Enter an email address in the correct format, like name@example.com',
      'You must be 16 or older to enrol',
    ])
    await userEvent.click(within(summary).getByRole('link', { name: 'Enter your full name' }))
    await expect(canvas.getByLabelText('Full name')).toHaveFocus()
  },
}

export const Filled: Story = {
  args: { drafts: { about: { fullName: 'Ada Lovelace', email: 'ada@example.com', birthDate: '1990-12-10' } } },
  play: async ({ canvas }) => {
    await userEvent.click(canvas.getByRole('button', { name: 'Continue' }))
    await expect(await canvas.findByRole('heading', { level: 1, name: 'What is your home address?' })).toHaveFocus()
  },
}
