import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, userEvent } from 'storybook/test'
import { StepForm, TextInput } from '../../../.storybook/flows/AccountWizard'
import { account } from '../../../.storybook/flows/account'
import { createWorkflowContext } from './createWorkflowContext'
import { type WorkflowStoryArgsOf, workflowStory } from './storybook'

const Account = createWorkflowContext(account)

function Seats() {
  const seats = Account.useWorkflowState((s) => s.state.seats)
  return <p>Seats so far: {seats}</p>
}

type Args = WorkflowStoryArgsOf<typeof account>

// `createWorkflowContext(definition)`: a Provider, hooks and components typed to one definition's steps and state.
const meta: Meta<Args> = {
  title: 'Components/createWorkflowContext',
  render: (_, { loaded }) => (
    <Account.Provider workflow={loaded.workflow}>
      <Seats />
      <Account.WorkflowStep name="team">
        <StepForm>
          <TextInput path="seats" label="Seats" inputMode="numeric" />
        </StepForm>
      </Account.WorkflowStep>
      <Account.WorkflowStep name="payment">
        <p>Payment comes next.</p>
      </Account.WorkflowStep>
    </Account.Provider>
  ),
  ...workflowStory(account, { at: 'team', state: { email: 'ada@example.com', plan: 'team' } }),
}

export default meta
type Story = StoryObj<Args>

export const TypedProvider: Story = {
  play: async ({ canvas }) => {
    await expect(canvas.getByText('Seats so far: 1')).toBeInTheDocument()
    // The field starts from the flow's state, as every field does.
    await expect(canvas.getByLabelText('Seats')).toHaveValue('1')
    await userEvent.clear(canvas.getByLabelText('Seats'))
    await userEvent.type(canvas.getByLabelText('Seats'), '8')
    await userEvent.click(canvas.getByRole('button', { name: 'Continue' }))
    await expect(await canvas.findByText('Payment comes next.')).toBeInTheDocument()
    await expect(canvas.getByText('Seats so far: 8')).toBeInTheDocument()
  },
}
