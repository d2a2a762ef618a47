import type { Meta, StoryObj } from '@storybook/react-vite'
import type { ComponentType } from 'react'
import { expect, userEvent, within } from 'storybook/test'
import { account, longFlow, teamAccount } from '../../../.storybook/flows/account'
import { type WorkflowStoryArgsOf, workflowStory } from './storybook'
import { WorkflowProgress } from './WorkflowProgress'
import { WorkflowStepper } from './WorkflowStepper'

type Args = WorkflowStoryArgsOf<typeof account>

// `<WorkflowStepper>` lists the path: done steps (buttons back to them), the current one (`aria-current="step"`) and those predicted ahead.
const meta: Meta<Args> = {
  title: 'Components/WorkflowStepper',
  component: WorkflowStepper as ComponentType,
  render: () => <WorkflowStepper />,
  ...workflowStory(account),
}

export default meta
type Story = StoryObj<Args>

const items = (canvasElement: HTMLElement) => [...canvasElement.querySelectorAll('li')].map((li) => li.textContent)
const current = (canvasElement: HTMLElement) => canvasElement.querySelector('[aria-current="step"]')?.textContent

/** The plan is not chosen yet, so the stepper cannot show what follows it. */
export const FirstStep: Story = {
  play: async ({ canvasElement, canvas }) => {
    await expect(items(canvasElement)).toEqual(['Email', 'Plan'])
    await expect(current(canvasElement)).toBe('Email')
    await expect(canvas.queryByRole('button')).not.toBeInTheDocument()
  },
}

/** A team plan: the team step is on the path. Going back to Plan keeps the path ahead as predicted. */
export const MiddleStep: Story = {
  args: { at: 'payment', state: { email: 'ada@example.com', plan: 'team', seats: 4 } },
  play: async ({ canvasElement, canvas }) => {
    await expect(items(canvasElement)).toEqual(['Email', 'Plan', 'Team', 'Payment', 'Review'])
    await expect(current(canvasElement)).toBe('Payment')
    await userEvent.click(canvas.getByRole('button', { name: 'Plan' }))
    await expect(current(canvasElement)).toBe('Plan')
    await expect(canvas.getAllByRole('button').map((b) => b.textContent)).toEqual(['Email'])
  },
}

/** A solo plan: the team step is not on the path at all. */
export const BranchNotTaken: Story = {
  args: { at: 'review', state: { ...teamAccount, plan: 'solo', seats: 1 } },
  play: async ({ canvasElement }) => {
    await expect(items(canvasElement)).toEqual(['Email', 'Plan', 'Payment', 'Review'])
  },
}

export const Done: Story = {
  args: { state: teamAccount, done: true },
  play: async ({ canvasElement }) => {
    await expect(current(canvasElement)).toBeUndefined()
    await expect(items(canvasElement)).toEqual(['Email', 'Plan', 'Team', 'Payment', 'Review'])
  },
}

/** Your own markup per item, with a class per status. */
export const CustomItems: Story = {
  args: { at: 'team', state: { email: 'ada@example.com', plan: 'team' } },
  render: () => (
    <WorkflowStepper label="Account steps" itemClassName={(item) => `step step--${item.status}`}>
      {(item) => (
        <span>
          {item.position}. {item.title} <small>({item.status})</small>
        </span>
      )}
    </WorkflowStepper>
  ),
  play: async ({ canvas }) => {
    const list = canvas.getByRole('list', { name: 'Account steps' })
    await expect(
      within(list)
        .getAllByRole('listitem')
        .map((li) => li.className),
    ).toEqual(['step step--done', 'step step--done', 'step step--current', 'step step--upcoming', 'step step--upcoming'])
  },
}

const long = longFlow(12)

/** Twelve steps, at the seventh: six to go back to. */
export const LongFlow: StoryObj<WorkflowStoryArgsOf<typeof long>> = {
  ...workflowStory(long, { at: 'part7' }),
  play: async ({ canvasElement, canvas }) => {
    await expect(canvasElement.querySelectorAll('li')).toHaveLength(12)
    await expect(canvas.getAllByRole('button')).toHaveLength(6)
    await expect(current(canvasElement)).toBe('Part 7')
  },
}

/** The stepper is "Steps" and the progress bar "Progress": a screen reader's landmarks list tells them apart. */
export const NamedApartFromProgress: Story = {
  render: () => (
    <>
      <WorkflowStepper />
      <WorkflowProgress />
    </>
  ),
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('list', { name: 'Steps' })).toBeInTheDocument()
    await expect(canvas.getByRole('progressbar', { name: 'Progress' })).toBeInTheDocument()
  },
}
