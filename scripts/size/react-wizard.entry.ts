// @size-title @flowkit/core + @flowkit/react: a 3-step wizard (steps, stepper, progress, fields), React external
// @size-budget 14400
// @size-goal 3947
import { useWorkflow, WorkflowProgress, WorkflowProvider, WorkflowStepper, WorkflowSteps } from '@flowkit/react'
import { createElement as h } from 'react'
import { createRoot } from 'react-dom/client'
import { Step, signup } from './wizard'

function App() {
  const workflow = useWorkflow(signup)
  return h(
    WorkflowProvider,
    { workflow },
    h(WorkflowProgress),
    h(WorkflowStepper),
    h(WorkflowSteps, { steps: { account: Step, team: Step, done: Step } }),
  )
}

createRoot(document.body).render(h(App))
