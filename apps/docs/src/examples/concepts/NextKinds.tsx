import { defineWorkflow } from '@flowkit/core'
import { useWorkflow, WorkflowProvider, WorkflowStepper, WorkflowSteps } from '@flowkit/react'
import { Choice } from '../ui/Choice.tsx'
import { StepFrame } from '../ui/StepFrame.tsx'

type Plan = 'solo' | 'team' | 'enterprise'

export const plans = defineWorkflow({
  id: 'plans',
  initial: 'plan',
  state: { plan: 'solo' as Plan, billing: 'card' as 'card' | 'invoice' },
  steps: {
    // A choice: a function of the state, with every step it may return listed in `targets`.
    plan: {
      title: 'Choose a plan',
      next: ({ state }) => (state.plan === 'enterprise' ? 'contact' : 'billing'),
      targets: ['billing', 'contact'],
    },
    // Guarded choices: exactly one `when` must hold; the entry without `when` is the fallback.
    billing: {
      title: 'How will you pay?',
      next: [
        { to: 'invoice', when: ({ state }) => state.billing === 'invoice', label: 'pays by invoice' },
        { to: 'review', label: 'pays by card' },
      ],
    },
    invoice: { title: 'Invoice address', next: 'review' }, // fixed: always this step
    contact: { title: 'Talk to sales', final: true },
    review: { title: 'Review', final: true },
  },
})

const steps = {
  plan: () => (
    <StepFrame>
      <Choice name="plan" legend="Plan" options={{ solo: 'Solo', team: 'Team', enterprise: 'Enterprise' }} />
    </StepFrame>
  ),
  billing: () => (
    <StepFrame>
      <Choice name="billing" legend="Payment" options={{ card: 'Card', invoice: 'Invoice' }} />
    </StepFrame>
  ),
  invoice: () => <StepFrame>We will send the invoice to your company address.</StepFrame>,
  contact: () => <StepFrame submitLabel="Request a call">Sales will call you within a day.</StepFrame>,
  review: () => <StepFrame submitLabel="Confirm">Everything looks good.</StepFrame>,
}

export function NextKinds() {
  const workflow = useWorkflow(plans)
  return (
    <WorkflowProvider workflow={workflow}>
      <WorkflowStepper label="Steps of the plan flow" />
      <WorkflowSteps steps={steps} done={() => <p>Done.</p>} />
    </WorkflowProvider>
  )
}
