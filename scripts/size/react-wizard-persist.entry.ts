// @size-title @flowkit/core + @flowkit/react: the same wizard, saved to localStorage (persist)
// @size-budget 15600
import { persist } from '@flowkit/core/persist'
import { useWorkflow, WorkflowProgress, WorkflowProvider, WorkflowStepper, WorkflowSteps } from '@flowkit/react'
import { createElement as h } from 'react'
import { createRoot } from 'react-dom/client'
import { Step, signup } from './wizard'

function App() {
  const workflow = useWorkflow(signup, { persist: persist({ key: 'signup' }) })
  return h(
    WorkflowProvider,
    { workflow },
    h(WorkflowProgress),
    h(WorkflowStepper),
    h(WorkflowSteps, { steps: { account: Step, team: Step, done: Step } }),
  )
}

createRoot(document.body).render(h(App))
