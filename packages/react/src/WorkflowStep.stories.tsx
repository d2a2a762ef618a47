import type { Meta, StoryObj } from '@storybook/react-vite'
import type { ComponentType } from 'react'
import { expect } from 'storybook/test'
import { account } from '../../../.storybook/flows/account'
import { type WorkflowStoryArgsOf, workflowStory } from './storybook'
import { WorkflowStep } from './WorkflowStep'

type Args = WorkflowStoryArgsOf<typeof account>

// `<WorkflowStep name>` mounts its children only while its step is current. Pick another step with the `at` control.
const meta: Meta<Args> = {
  title: 'Components/WorkflowStep',
  component: WorkflowStep as ComponentType,
  render: () => (
    <>
      {(['email', 'plan', 'team', 'payment', 'review'] as const).map((step) => (
        <WorkflowStep key={step} name={step}>
          <p>The {step} step</p>
        </WorkflowStep>
      ))}
    </>
  ),
  ...workflowStory(account),
}

export default meta
type Story = StoryObj<Args>

export const FirstStep: Story = {
  play: async ({ canvasElement }) => {
    await expect(canvasElement).toHaveTextContent(/^The email step$/)
  },
}

export const BranchStep: Story = {
  args: { at: 'team', state: { email: 'ada@example.com', plan: 'team' } },
  play: async ({ canvasElement }) => {
    await expect(canvasElement).toHaveTextContent(/^The team step$/)
  },
}
