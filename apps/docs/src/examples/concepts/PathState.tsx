import { defineWorkflow } from '@flowkit/core'
import { useWorkflow, WorkflowProvider, WorkflowSteps } from '@flowkit/react'
import { Choice } from '../ui/Choice.tsx'
import { StateView } from '../ui/StateView.tsx'
import { StepFrame } from '../ui/StepFrame.tsx'
import { TextField } from '../ui/TextField.tsx'

export const delivery = defineWorkflow({
  id: 'delivery',
  initial: 'method',
  state: { method: 'post' as 'post' | 'pickup', address: '' },
  steps: {
    method: {
      title: 'Delivery',
      next: [{ to: 'address', when: ({ state }) => state.method === 'post' }, { to: 'review' }],
    },
    address: { title: 'Address', next: 'review' },
    review: { title: 'Review', final: true },
  },
})

const steps = {
  method: () => (
    <StepFrame>
      <Choice name="method" legend="How should it reach you?" options={{ post: 'By post', pickup: 'Pick up in store' }} />
    </StepFrame>
  ),
  address: () => (
    <StepFrame>
      <TextField name="address" label="Address" />
    </StepFrame>
  ),
  review: () => <StepFrame submitLabel="Place order">Go back and change the delivery to see the address leave the state.</StepFrame>,
}

export function PathState() {
  const workflow = useWorkflow(delivery)
  return (
    <WorkflowProvider workflow={workflow}>
      <WorkflowSteps steps={steps} done={() => <p>Ordered.</p>} />
      <StateView label="state" pick={(s) => s.state} />
      <StateView label="drafts" pick={(s) => s.drafts} />
    </WorkflowProvider>
  )
}
