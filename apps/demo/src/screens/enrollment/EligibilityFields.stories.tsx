import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, userEvent, within } from 'storybook/test'
import { applicant, DemoFlow, services, type WorkflowStoryArgsOf, workflowStory } from '../../../../../.storybook/demo'
import { enrollment } from '../../flows/enrollment'

type Args = WorkflowStoryArgsOf<typeof enrollment>
type Story = StoryObj<Args>

/** The branch point: the answer chooses the next step (studies, employment or circumstances). */
const meta: Meta<Args> = {
  title: 'Demo/Enrollment/Eligibility',
  render: () => <DemoFlow flow="enrollment" />,
  ...workflowStory(enrollment, { at: 'eligibility', state: { applicant } }),
  beforeEach: services(),
}
export default meta

/** Until answered, the path ahead is unknown: the stepper stops here. */
export const Unanswered: Story = {
  play: async ({ canvas }) => {
    const steps = within(canvas.getByRole('list', { name: 'Steps' }))
    // About you, the home address (its sub-flow), and this step.
    await expect(steps.getAllByRole('listitem')).toHaveLength(3)
  },
}

export const ValidationIssues: Story = {
  args: { drafts: { eligibility: {} }, submit: true },
  play: async ({ canvas }) => {
    await expect(await canvas.findByRole('link', { name: 'Select what you do' })).toBeInTheDocument()
  },
}

export const EachAnswerItsBranch: Story = {
  play: async ({ canvas }) => {
    for (const [answer, heading] of [
      [/^Student/, 'Your studies'],
      [/^Employed/, 'Your employment'],
      [/^Something else/, 'Your circumstances'],
    ] as const) {
      await userEvent.click(await canvas.findByRole('radio', { name: answer }))
      await userEvent.click(canvas.getByRole('button', { name: 'Continue' }))
      await expect(await canvas.findByRole('heading', { level: 1, name: heading })).toBeInTheDocument()
      await userEvent.click(canvas.getByRole('button', { name: '← Back' }))
    }
  },
}
