import { defineWorkflow } from '@flowkit/core'
import { useWorkflow, WorkflowProgress, WorkflowProvider, WorkflowStepper, WorkflowSteps } from '@flowkit/react'
import { Choice } from '../ui/Choice.tsx'
import { StepFrame } from '../ui/StepFrame.tsx'

export const insurance = defineWorkflow({
  id: 'insurance',
  initial: 'about',
  state: { owner: undefined as 'yes' | 'no' | undefined },
  steps: {
    about: { title: 'About you', next: 'home' },
    // Until `owner` is answered, this choice cannot be decided: progress says "of at least 4" (a lower bound).
    home: {
      title: 'Your home',
      next: ({ state }) => (state.owner === undefined ? undefined : state.owner === 'yes' ? 'building' : 'contents'),
      targets: ['building', 'contents'],
    },
    building: { title: 'Building cover', next: 'contents' },
    contents: { title: 'Contents cover', next: 'quote' },
    quote: { title: 'Your quote', final: true },
  },
})

const steps = {
  about: () => <StepFrame>Nothing to fill in here.</StepFrame>,
  home: () => (
    <StepFrame>
      <Choice name="owner" legend="Do you own your home?" options={{ yes: 'Yes', no: 'No, I rent' }} />
    </StepFrame>
  ),
  building: () => <StepFrame>Cover for the walls and roof.</StepFrame>,
  contents: () => <StepFrame>Cover for what is inside.</StepFrame>,
  quote: () => <StepFrame submitLabel="Accept">£12 a month.</StepFrame>,
}

export function ProgressExample() {
  const workflow = useWorkflow(insurance)
  return (
    <WorkflowProvider workflow={workflow}>
      <WorkflowProgress />
      <WorkflowStepper label="Predicted path" />
      <WorkflowSteps steps={steps} done={() => <p>Covered.</p>} />
    </WorkflowProvider>
  )
}
