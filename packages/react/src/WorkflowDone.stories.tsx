import type { Meta, StoryObj } from '@storybook/react-vite'
import type { ComponentType } from 'react'
import { expect, userEvent } from 'storybook/test'
import { account, teamAccount } from '../../../.storybook/flows/account'
import { type WorkflowStoryArgsOf, workflowStory } from './storybook'
import { useStep } from './useStep'
import { WorkflowDone } from './WorkflowDone'
import { WorkflowStep } from './WorkflowStep'

type Args = WorkflowStoryArgsOf<typeof account>

function Review() {
  const { submit } = useStep()
  return (
    <button type="button" onClick={() => submit({})}>
      Open account
    </button>
  )
}

// `<WorkflowDone>` shows its children once the final step is completed.
const meta: Meta<Args> = {
  title: 'Components/WorkflowDone',
  component: WorkflowDone as ComponentType,
  render: () => (
    <>
      <WorkflowStep name="review">
        <Review />
      </WorkflowStep>
      <WorkflowDone>
        <p>Your account is open.</p>
      </WorkflowDone>
    </>
  ),
  ...workflowStory(account, { at: 'review', state: teamAccount }),
}

export default meta
type Story = StoryObj<Args>

export const LastStep: Story = {
  play: async ({ canvas }) => {
    await expect(canvas.queryByText('Your account is open.')).not.toBeInTheDocument()
    await userEvent.click(canvas.getByRole('button', { name: 'Open account' }))
    await expect(await canvas.findByText('Your account is open.')).toBeInTheDocument()
    await expect(canvas.queryByRole('button')).not.toBeInTheDocument()
  },
}

export const Done: Story = {
  args: { done: true },
  play: async ({ canvas }) => {
    await expect(canvas.getByText('Your account is open.')).toBeInTheDocument()
  },
}
