import type { Meta, StoryObj } from '@storybook/react-vite'
import type { ComponentType } from 'react'
import { expect } from 'storybook/test'
import { account, longFlow, teamAccount } from '../../../.storybook/flows/account'
import { type WorkflowStoryArgsOf, workflowStory } from './storybook'
import { WorkflowProgress } from './WorkflowProgress'

type Args = WorkflowStoryArgsOf<typeof account>

// `<WorkflowProgress>` counts the steps on the *predicted* path: branches not taken and skipped steps are left out.
const meta: Meta<Args> = {
  title: 'Components/WorkflowProgress',
  component: WorkflowProgress as ComponentType,
  render: () => <WorkflowProgress label="Account progress" />,
  ...workflowStory(account),
}

export default meta
type Story = StoryObj<Args>

const progressbar = (canvasElement: HTMLElement) => canvasElement.querySelector('[role="progressbar"]') as HTMLElement

/** Before a plan is chosen the path ahead is undecided, so the total is a lower bound: "at least". */
export const InexactProgress: Story = {
  play: async ({ canvasElement }) => {
    const bar = progressbar(canvasElement)
    await expect(bar).toHaveTextContent('Step 1 of at least')
    await expect(bar).toHaveAttribute('aria-valuenow', '1')
  },
}

export const MiddleStep: Story = {
  args: { at: 'payment', state: { email: 'ada@example.com', plan: 'solo' } },
  play: async ({ canvasElement }) => {
    await expect(progressbar(canvasElement)).toHaveTextContent('Step 3 of 4')
  },
}

/** A team plan takes the extra team step: the same payment step is now 4 of 5. */
export const BranchTaken: Story = {
  args: { at: 'payment', state: { email: 'ada@example.com', plan: 'team', seats: 3 } },
  play: async ({ canvasElement }) => {
    await expect(progressbar(canvasElement)).toHaveTextContent('Step 4 of 5')
    await expect(progressbar(canvasElement)).toHaveAttribute('aria-valuemax', '5')
  },
}

export const LastStep: Story = {
  args: { at: 'review', state: teamAccount },
  play: async ({ canvasElement }) => {
    await expect(progressbar(canvasElement)).toHaveTextContent('Step 5 of 5')
  },
}

/** Render prop: draw the bar yourself, here as a `<meter>`. */
export const CustomRender: Story = {
  args: { at: 'plan', state: { email: 'ada@example.com' } },
  render: () => (
    <WorkflowProgress>
      {(p) => (
        <label>
          {p.text}{' '}
          <meter min={0} max={p.total} value={p.position}>
            {p.text}
          </meter>
        </label>
      )}
    </WorkflowProgress>
  ),
  play: async ({ canvasElement }) => {
    const meter = canvasElement.querySelector('meter') as HTMLMeterElement
    await expect(meter.value).toBe(2)
    await expect(canvasElement).toHaveTextContent('Step 2 of at least')
  },
}

const long = longFlow(12)
type LongArgs = WorkflowStoryArgsOf<typeof long>

/** Twelve steps, at the seventh. */
export const LongFlow: StoryObj<LongArgs> = {
  ...workflowStory(long, { at: 'part7' }),
  play: async ({ canvasElement }) => {
    await expect(progressbar(canvasElement)).toHaveTextContent('Step 7 of 12')
  },
}
