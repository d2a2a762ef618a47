import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, userEvent, waitFor } from 'storybook/test'
import { AccountSteps } from '../../../.storybook/flows/AccountWizard'
import { account } from '../../../.storybook/flows/account'
import { StepTransition } from './StepTransition'
import { type WorkflowStoryArgsOf, workflowStory } from './storybook'

type Args = WorkflowStoryArgsOf<typeof account>

/** The app's CSS: forward slides the old step out left and the new one in from the right; back the other way. */
const slide = `
@keyframes story-out-left { to { transform: translateX(-2rem); opacity: 0 } }
@keyframes story-in-right { from { transform: translateX(2rem); opacity: 0 } }
@keyframes story-out-right { to { transform: translateX(2rem); opacity: 0 } }
@keyframes story-in-left { from { transform: translateX(-2rem); opacity: 0 } }
::view-transition-old(flowkit-step), ::view-transition-new(flowkit-step) { animation-duration: 200ms }
html[data-flowkit-direction='forward']::view-transition-old(flowkit-step) { animation-name: story-out-left }
html[data-flowkit-direction='forward']::view-transition-new(flowkit-step) { animation-name: story-in-right }
html[data-flowkit-direction='back']::view-transition-old(flowkit-step) { animation-name: story-out-right }
html[data-flowkit-direction='back']::view-transition-new(flowkit-step) { animation-name: story-in-left }
`

// `<StepTransition>` animates step changes with the View Transitions API, in the direction of the move;
// without the API, or with a reduced-motion preference, steps change at once.
const meta: Meta<Args> = {
  title: 'Components/StepTransition',
  render: () => (
    <>
      <style>{slide}</style>
      <StepTransition>
        <AccountSteps />
      </StepTransition>
    </>
  ),
  ...workflowStory(account, { at: 'plan', state: { email: 'ada@example.com' }, drafts: { email: { email: 'ada@example.com' } } }),
}

export default meta
type Story = StoryObj<Args>

/** Back and Continue: the step changes either way, and no copy of the old step is left once the transition is over. */
export const ForwardAndBack: Story = {
  play: async ({ canvas, canvasElement }) => {
    const settled = () =>
      waitFor(() => {
        expect(canvasElement.querySelector('[data-flowkit-ghost]')).toBeNull()
        expect(document.documentElement.dataset.flowkitDirection).toBeUndefined()
      })
    await userEvent.click(canvas.getByRole('button', { name: 'Back' }))
    await expect(await canvas.findByRole('heading', { level: 1, name: 'Email' })).toBeInTheDocument()
    await settled()
    await userEvent.click(canvas.getByRole('button', { name: 'Continue' }))
    await expect(await canvas.findByRole('heading', { level: 1, name: 'Plan' })).toBeInTheDocument()
    await settled()
    await expect(canvas.getAllByRole('heading', { level: 1 })).toHaveLength(1)
  },
}
