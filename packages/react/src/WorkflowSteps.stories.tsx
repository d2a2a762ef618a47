import { createWorkflow } from '@flowkit/core'
import { memoryStorage, persist, type StateStorage } from '@flowkit/core/persist'
import type { Meta, StoryObj } from '@storybook/react-vite'
import { type ComponentType, useState } from 'react'
import { expect, userEvent, waitFor, within } from 'storybook/test'
import { AccountSteps, StepForm, TextInput } from '../../../.storybook/flows/AccountWizard'
import { account, bankAnswers, teamAccount } from '../../../.storybook/flows/account'
import { type WorkflowStoryArgsOf, workflowStory } from './storybook'
import { useWorkflow } from './useWorkflow'
import { WorkflowProvider } from './WorkflowProvider'
import { WorkflowSteps } from './WorkflowSteps'

// `<WorkflowSteps>` renders the current step's component and no other. The screens here use `useStep`,
// `useField`, `<StepHeading>` and `<WorkflowErrorSummary>`; each story opens the flow at a step.
const meta: Meta<Args> = {
  title: 'Components/WorkflowSteps',
  component: WorkflowSteps as ComponentType,
  render: () => <AccountSteps />,
  ...workflowStory(account),
}

export default meta
type Args = WorkflowStoryArgsOf<typeof account>
type Story = StoryObj<Args>

export const FirstStep: Story = {
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('heading', { level: 1, name: 'Email' })).toBeInTheDocument()
    await expect(canvas.queryByRole('button', { name: 'Back' })).not.toBeInTheDocument()
    await userEvent.type(canvas.getByLabelText('Email address'), 'ada@example.com')
    await userEvent.click(canvas.getByRole('button', { name: 'Continue' }))
    await expect(await canvas.findByRole('heading', { level: 1, name: 'Plan' })).toHaveFocus()
  },
}

export const MiddleStep: Story = {
  args: { at: 'plan', state: { email: 'ada@example.com' }, drafts: { email: { email: 'ada@example.com' } } },
  play: async ({ canvas }) => {
    await userEvent.click(canvas.getByRole('button', { name: 'Back' }))
    await expect(await canvas.findByLabelText('Email address')).toHaveValue('ada@example.com')
  },
}

export const ValidationIssues: Story = {
  args: { at: 'email', drafts: { email: { email: 'ada.example.com' } }, submit: true },
  play: async ({ canvas }) => {
    const summary = await canvas.findByRole('alert')
    await expect(summary).toHaveTextContent('Enter an email address like ada@example.com')
    const input = canvas.getByLabelText('Email address')
    await expect(input).toHaveAttribute('aria-invalid', 'true')
    await userEvent.click(within(summary).getByRole('link'))
    await expect(input).toHaveFocus()
  },
}

export const Busy: Story = {
  args: {
    at: 'payment',
    state: { email: 'ada@example.com', plan: 'solo' },
    drafts: { payment: { card: '4242424242424242' } },
    submit: true,
  },
  beforeEach: bankAnswers({ outcome: 'hang' }),
  play: async ({ canvas }) => {
    await expect(await canvas.findByRole('button', { name: 'Please wait…' })).toBeDisabled()
    await expect(canvas.getByRole('button', { name: 'Back' })).toBeDisabled()
  },
}

export const FailedAction: Story = {
  args: { ...Busy.args },
  beforeEach: bankAnswers({ outcome: 'decline', latency: 10 }),
  play: async ({ canvas }) => {
    await expect(await canvas.findByText(/the bank declined the card ending 4242/)).toBeInTheDocument()
    await expect(canvas.getByLabelText('Card number')).toHaveValue('4242424242424242')
  },
}

export const Branch: Story = {
  args: { at: 'team', state: { email: 'ada@example.com', plan: 'team' }, drafts: { team: { seats: '1' } }, submit: true },
  play: async ({ canvas }) => {
    await expect(await canvas.findByRole('alert')).toHaveTextContent('A team has at least 2 seats')
    await userEvent.clear(canvas.getByLabelText('Seats'))
    await userEvent.type(canvas.getByLabelText('Seats'), '5')
    await userEvent.click(canvas.getByRole('button', { name: 'Continue' }))
    await expect(await canvas.findByRole('heading', { level: 1, name: 'Payment' })).toBeInTheDocument()
  },
}

export const LastStep: Story = {
  args: { at: 'review', state: teamAccount },
  play: async ({ canvas }) => {
    await userEvent.click(canvas.getByRole('button', { name: 'Open account' }))
    await expect(await canvas.findByText('Your account is open.')).toBeInTheDocument()
    await expect(canvas.queryByRole('heading', { level: 1 })).not.toBeInTheDocument()
  },
}

export const Done: Story = {
  args: { state: teamAccount, done: true },
  play: async ({ canvas }) => {
    await expect(canvas.getByText('Your account is open.')).toBeInTheDocument()
    await waitFor(() => expect(canvas.queryByRole('button')).not.toBeInTheDocument())
  },
}

const EmailScreen = () => (
  <StepForm>
    <TextInput path="email" label="Email address" />
  </StepForm>
)
const PlanScreen = () => <StepForm>Choose a plan.</StepForm>

/** Storage that answers after `ms`, holding a visit that got to the plan step: a slow IndexedDB or a server. */
const slowSavedStorage = (ms: number): StateStorage => {
  const inner = memoryStorage()
  const before = createWorkflow(account, { persist: persist({ key: 'account-story', storage: inner }) })
  before.setDraft('email', { email: 'ada@example.com' })
  void before.next({ email: 'ada@example.com' })
  return {
    getItem: async (key) => {
      const value = await inner.getItem(key)
      return new Promise((resolve) => setTimeout(() => resolve(value), ms))
    },
    setItem: inner.setItem,
    removeItem: inner.removeItem,
  }
}

function Resuming() {
  const [storage] = useState(() => slowSavedStorage(300))
  const workflow = useWorkflow(account, { persist: persist({ key: 'account-story', storage }) })
  return (
    <WorkflowProvider workflow={workflow}>
      <WorkflowSteps steps={{ email: EmailScreen, plan: PlanScreen }} fallback={<p aria-busy="true">Loading your answers…</p>} />
    </WorkflowProvider>
  )
}

/** `fallback` holds the steps until stored state is read: a reload on Plan never flashes Email. */
export const HoldsUntilStoredStateIsRead: Story = {
  render: () => <Resuming />,
  play: async ({ canvas }) => {
    await expect(canvas.getByText('Loading your answers…')).toBeInTheDocument()
    await expect(canvas.queryByRole('heading')).not.toBeInTheDocument()
    await expect(await canvas.findByRole('heading', { level: 1, name: 'Plan' }, { timeout: 3000 })).toBeInTheDocument()
    await expect(canvas.queryByText('Loading your answers…')).not.toBeInTheDocument()
  },
}

/** `missing` renders for a step with no screen in `steps`, here Plan. */
export const MissingScreen: Story = {
  args: { at: 'plan', state: { email: 'ada@example.com' } },
  render: () => <WorkflowSteps steps={{ email: EmailScreen }} missing={() => <p>This step has no screen yet.</p>} />,
  play: async ({ canvas }) => {
    await expect(canvas.getByText('This step has no screen yet.')).toBeInTheDocument()
  },
}
