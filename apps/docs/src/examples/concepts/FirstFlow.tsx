import { defineWorkflow } from '@flowkit/core'
import { useWorkflow, WorkflowProgress, WorkflowProvider, WorkflowSteps } from '@flowkit/react'
import { StepFrame } from '../ui/StepFrame.tsx'
import { TextField } from '../ui/TextField.tsx'

// A definition is data: an id, the first step, the initial state and the steps.
export const newsletter = defineWorkflow({
  id: 'newsletter',
  initial: 'name',
  state: { name: '', email: '' },
  steps: {
    name: { title: 'What is your name?', next: 'email' },
    email: { title: 'Where should we write?', next: 'confirm' },
    confirm: { title: 'Check and subscribe', final: true },
  },
})

function Confirm() {
  return <StepFrame submitLabel="Subscribe">You can unsubscribe at any time.</StepFrame>
}

const steps = {
  name: () => (
    <StepFrame>
      <TextField name="name" label="Name" />
    </StepFrame>
  ),
  email: () => (
    <StepFrame>
      <TextField name="email" label="Email address" type="email" />
    </StepFrame>
  ),
  confirm: Confirm,
}

export function FirstFlow() {
  const workflow = useWorkflow(newsletter)
  return (
    <WorkflowProvider workflow={workflow}>
      <WorkflowProgress />
      <WorkflowSteps steps={steps} done={() => <p>Subscribed. Welcome aboard!</p>} />
    </WorkflowProvider>
  )
}
