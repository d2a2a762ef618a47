import type { Meta, StoryObj } from '@storybook/react-vite'
import type { ComponentType } from 'react'
import { expect, userEvent } from 'storybook/test'
import { AccountSteps } from '../../../.storybook/flows/AccountWizard'
import { account } from '../../../.storybook/flows/account'
import { type WorkflowStoryArgsOf, workflowStory } from './storybook'
import { WorkflowProvider } from './WorkflowProvider'

type Args = WorkflowStoryArgsOf<typeof account>

// `<WorkflowProvider>` shares a workflow with everything below it and announces step changes in a polite live region.
const meta: Meta<Args> = {
  title: 'Components/WorkflowProvider',
  component: WorkflowProvider as ComponentType,
  render: () => <AccountSteps />,
  ...workflowStory(account, { at: 'plan', state: { email: 'ada@example.com' } }),
}

export default meta
type Story = StoryObj<Args>

/** Silent on the first render; after a step change it says where the user is. */
export const Announcement: Story = {
  play: async ({ canvas }) => {
    const status = canvas.getByRole('status')
    await expect(status).toHaveTextContent(/^$/)
    await userEvent.click(canvas.getByLabelText('Team'))
    await userEvent.click(canvas.getByRole('button', { name: 'Continue' }))
    await expect(await canvas.findByRole('heading', { level: 1, name: 'Team' })).toBeInTheDocument()
    await expect(status).toHaveTextContent('Step 3 of 5: Team')
  },
}

/** `announce` words it your way (here in French). */
export const CustomAnnouncement: Story = {
  render: (_, { loaded }) => (
    <WorkflowProvider workflow={loaded.workflow} announce={(d) => `Étape ${d.position} sur ${d.total} : ${d.title}`}>
      <AccountSteps />
    </WorkflowProvider>
  ),
  play: async ({ canvas }) => {
    await userEvent.click(canvas.getByRole('button', { name: 'Back' }))
    await expect(await canvas.findByText(/^Étape 1 sur \d+ : Email$/)).toBeInTheDocument()
  },
}
