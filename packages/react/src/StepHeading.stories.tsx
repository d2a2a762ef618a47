import type { Meta, StoryObj } from '@storybook/react-vite'
import type { ComponentType } from 'react'
import { expect, userEvent } from 'storybook/test'
import { AccountSteps } from '../../../.storybook/flows/AccountWizard'
import { account } from '../../../.storybook/flows/account'
import { StepHeading } from './StepHeading'
import { type WorkflowStoryArgsOf, workflowStory } from './storybook'
import { useStep } from './useStep'
import { WorkflowStep } from './WorkflowStep'

type Args = WorkflowStoryArgsOf<typeof account>

// `<StepHeading>` takes focus when the user arrives at a step, so keyboard and screen reader users start at its top.
const meta: Meta<Args> = {
  title: 'Components/StepHeading',
  component: StepHeading as ComponentType,
  render: () => <AccountSteps />,
  ...workflowStory(account, { at: 'plan', state: { email: 'ada@example.com' } }),
}

export default meta
type Story = StoryObj<Args>

/** Not on the first render (the page is just loaded), but after Continue and Back. */
export const FocusOnArrival: Story = {
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('heading', { level: 1, name: 'Plan' })).not.toHaveFocus()
    await userEvent.click(canvas.getByRole('button', { name: 'Back' }))
    await expect(await canvas.findByRole('heading', { level: 1, name: 'Email' })).toHaveFocus()
  },
}

/** `as="h2"` under the page's own `h1`: one `h1` per page, and the step heading still takes focus on arrival. */
export const Level: Story = {
  render: () => (
    <>
      <h1>Open an account</h1>
      <WorkflowStep name="email">
        <StepHeading as="h2">Your email</StepHeading>
      </WorkflowStep>
      <WorkflowStep name="plan">
        <PlanWithBack />
      </WorkflowStep>
    </>
  ),
  play: async ({ canvas }) => {
    await expect(canvas.getAllByRole('heading', { level: 1 })).toHaveLength(1)
    await userEvent.click(canvas.getByRole('button', { name: 'Back' }))
    await expect(await canvas.findByRole('heading', { level: 2, name: 'Your email' })).toHaveFocus()
  },
}

function PlanWithBack() {
  const { back } = useStep()
  return (
    <>
      <StepHeading as="h2">Plan</StepHeading>
      <button type="button" onClick={back}>
        Back
      </button>
    </>
  )
}
