import { defineWorkflow } from '@flowkit/core'
import { useStep, useWorkflow, WorkflowProgress, WorkflowProvider, WorkflowSteps } from '@flowkit/react'
import { StateView } from '../ui/StateView.tsx'
import { StepFrame } from '../ui/StepFrame.tsx'
import { TextField } from '../ui/TextField.tsx'

export const order = defineWorkflow({
  id: 'order',
  initial: 'cart',
  state: { digital: false, address: '' },
  steps: {
    cart: { title: 'Your cart', next: 'shipping' },
    // Skipped while the cart is digital: never rendered, its actions never run. The string is the reason in the log.
    shipping: { title: 'Shipping address', skip: ({ state }) => state.digital && 'nothing to ship', next: 'payment' },
    payment: { title: 'Payment', final: true },
  },
})

function Cart() {
  const { field } = useStep()
  return (
    <StepFrame>
      <label>
        <input {...field('digital', { type: 'checkbox' })} /> Digital goods only (e-books)
      </label>
    </StepFrame>
  )
}

const steps = {
  cart: Cart,
  shipping: () => (
    <StepFrame>
      <TextField name="address" label="Street and city" />
    </StepFrame>
  ),
  payment: () => <StepFrame submitLabel="Pay">Pay with the card on file.</StepFrame>,
}

export function Skipping() {
  const workflow = useWorkflow(order)
  return (
    <WorkflowProvider workflow={workflow}>
      <WorkflowProgress />
      <WorkflowSteps steps={steps} done={() => <p>Paid.</p>} />
      <StateView label="history and skipped" pick={(s) => ({ history: s.history, skipped: s.skipped })} />
    </WorkflowProvider>
  )
}
