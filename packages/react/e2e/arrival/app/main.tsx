import { defineWorkflow } from '@flowkit/core'
import { StepHeading, StepTransition, useStep, useWorkflow, WorkflowErrorSummary, WorkflowProvider, WorkflowSteps } from '@flowkit/react'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { z } from 'zod'

// The demo checkout's shape: who, then where (required), each step its own component, in a <StepTransition>.
const parcel = defineWorkflow({
  id: 'parcel',
  initial: 'name',
  state: { name: '', street: '' },
  steps: {
    name: { title: 'Who should we send it to?', validate: z.object({ name: z.string().min(1, 'Enter a name') }), next: 'street' },
    street: { title: 'Where should we send it?', validate: z.object({ street: z.string().min(1, 'Enter a street') }), next: 'review' },
    review: { title: 'Check your answers', final: true },
  },
})

function Name() {
  const { title, field, submit } = useStep()
  return (
    <form onSubmit={submit}>
      <StepHeading>{title}</StepHeading>
      <WorkflowErrorSummary />
      <label>
        Full name <input {...field('name')} />
      </label>
      <button type="submit">Continue</button>
    </form>
  )
}

// Where the first step's Continue was, this one has a label and text: the second press of a double click lands there.
function Street() {
  const { title, field, submit } = useStep()
  return (
    <form onSubmit={submit}>
      <StepHeading>{title}</StepHeading>
      <WorkflowErrorSummary />
      <label>
        Street <input {...field('street')} />
      </label>
      <p className="note">We deliver to the door. Tell us the street and the number; a flat number goes in the same line.</p>
      <button type="submit">Continue</button>
    </form>
  )
}

function Review() {
  const { title, submit } = useStep()
  return (
    <form onSubmit={submit}>
      <StepHeading>{title}</StepHeading>
      <button type="submit">Confirm</button>
    </form>
  )
}

function App() {
  const workflow = useWorkflow(parcel)
  return (
    <WorkflowProvider workflow={workflow}>
      <StepTransition>
        <WorkflowSteps steps={{ name: Name, street: Street, review: Review }} done={() => <h1>Thank you</h1>} />
      </StepTransition>
    </WorkflowProvider>
  )
}

const strict = new URLSearchParams(window.location.search).get('strict') !== '0'
createRoot(document.getElementById('root') as HTMLElement).render(
  strict ? (
    <StrictMode>
      <App />
    </StrictMode>
  ) : (
    <App />
  ),
)
