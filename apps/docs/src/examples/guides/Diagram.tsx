import { journeyLog } from '@flowkit/core'
import { useWorkflow, WorkflowProvider, WorkflowSteps } from '@flowkit/react'
import { WorkflowDiagram } from '@flowkit/react/diagram'
import { order } from '../concepts/Skipping.tsx'
import { StepFrame } from '../ui/StepFrame.tsx'

const steps = {
  cart: () => <StepFrame>Continue to see the path drawn in bold.</StepFrame>,
  shipping: () => <StepFrame>Shipping address.</StepFrame>,
  payment: () => <StepFrame submitLabel="Pay">Pay.</StepFrame>,
}

/** Inside a provider, `<WorkflowDiagram>` follows the run: the path taken in bold, the current step filled. */
export function DiagramExample() {
  const workflow = useWorkflow(order, { log: journeyLog() })
  return (
    <WorkflowProvider workflow={workflow}>
      <WorkflowDiagram direction="LR" />
      <WorkflowSteps steps={steps} done={() => <p>Paid.</p>} />
    </WorkflowProvider>
  )
}
