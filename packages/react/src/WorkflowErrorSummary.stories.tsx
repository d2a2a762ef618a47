import type { Meta, StoryObj } from '@storybook/react-vite'
import type { ComponentType } from 'react'
import { expect, userEvent, within } from 'storybook/test'
import { TextInput } from '../../../.storybook/flows/AccountWizard'
import { account } from '../../../.storybook/flows/account'
import { type WorkflowStoryArgsOf, workflowStory } from './storybook'
import { WorkflowErrorSummary } from './WorkflowErrorSummary'
import { WorkflowStep } from './WorkflowStep'

type Args = WorkflowStoryArgsOf<typeof account>

// `<WorkflowErrorSummary>` lists the step's validation issues, each a link to its field, and takes focus when they appear.
const meta: Meta<Args> = {
  title: 'Components/WorkflowErrorSummary',
  component: WorkflowErrorSummary as ComponentType,
  render: () => (
    <WorkflowStep name="email">
      <WorkflowErrorSummary label={(path) => (path === 'email' ? 'Email address' : undefined)} />
      <TextInput path="email" label="Email address" />
    </WorkflowStep>
  ),
  ...workflowStory(account, { at: 'email' }),
}

export default meta
type Story = StoryObj<Args>

/** Nothing to report: the summary renders nothing. */
export const NoIssues: Story = {
  play: async ({ canvas }) => {
    await expect(canvas.queryByRole('alert')).not.toBeInTheDocument()
  },
}

/** The draft failed validation: the summary takes focus; its link moves focus to the field. */
export const ValidationIssues: Story = {
  args: { drafts: { email: { email: 'ada at example' } }, submit: true },
  play: async ({ canvas }) => {
    const summary = await canvas.findByRole('alert')
    await expect(summary).toHaveFocus()
    await expect(within(summary).getByRole('heading', { name: 'There is a problem' })).toBeInTheDocument()
    const link = within(summary).getByRole('link', { name: 'Email address: Enter an email address like ada@example.com' })
    await userEvent.click(link)
    await expect(canvas.getByLabelText('Email address')).toHaveFocus()
  },
}
