import type { Meta, StoryObj } from '@storybook/react-vite'
import type { CSSProperties } from 'react'
import { expect, userEvent } from 'storybook/test'
import { AccountSteps } from '../../../.storybook/flows/AccountWizard'
import { account } from '../../../.storybook/flows/account'
import { type WorkflowStoryArgsOf, workflowStory } from './storybook'
import { useStepDirection } from './useStepDirection'

type Args = WorkflowStoryArgsOf<typeof account>

const slide = `
@keyframes flowkit-from-right { from { transform: translateX(2rem); opacity: 0 } }
@keyframes flowkit-from-left { from { transform: translateX(-2rem); opacity: 0 } }
[data-direction='forward'] > form { animation: flowkit-from-right 200ms ease-out }
[data-direction='back'] > form, [data-direction='jump'] > form { animation: flowkit-from-left 200ms ease-out }
@media (prefers-reduced-motion: reduce) { [data-direction] > form { animation: none } }
`

const caption: CSSProperties = { fontFamily: 'monospace' }

/** The signal a transition needs: the step slides in from the side it came from; a reduced-motion preference turns it off. */
function SlidingSteps() {
  const direction = useStepDirection()
  return (
    <>
      <style>{slide}</style>
      <p style={caption}>direction: {direction}</p>
      <section data-direction={direction}>
        <AccountSteps />
      </section>
    </>
  )
}

// `useStepDirection()` says how the user arrived: 'forward', 'back', 'jump' (goTo further back, reset) or 'none' (first render, restored).
const meta: Meta<Args> = {
  title: 'Hooks/useStepDirection',
  render: () => <SlidingSteps />,
  ...workflowStory(account, { at: 'plan', state: { email: 'ada@example.com' }, drafts: { email: { email: 'ada@example.com' } } }),
}

export default meta
type Story = StoryObj<Args>

export const ForwardAndBack: Story = {
  play: async ({ canvas }) => {
    await expect(canvas.getByText('direction: none')).toBeInTheDocument()
    await userEvent.click(canvas.getByRole('button', { name: 'Back' }))
    await expect(await canvas.findByText('direction: back')).toBeInTheDocument()
    await userEvent.click(canvas.getByRole('button', { name: 'Continue' }))
    await expect(await canvas.findByText('direction: forward')).toBeInTheDocument()
    await expect(canvas.getByRole('heading', { level: 1, name: 'Plan' })).toBeInTheDocument()
  },
}
