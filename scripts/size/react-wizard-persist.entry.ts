// @size-title @flowkit/core + @flowkit/react: the same wizard, saved to localStorage (persist)
// @size-budget 15600
import { defineWorkflow } from '@flowkit/core'
import { persist } from '@flowkit/core/persist'
import { useStep, useWorkflow, WorkflowProgress, WorkflowProvider, WorkflowStepper, WorkflowSteps } from '@flowkit/react'
import { createElement as h } from 'react'
import { createRoot } from 'react-dom/client'

const signup = defineWorkflow({
  id: 'signup',
  initial: 'account',
  state: { email: '', plan: 'solo', invited: false },
  steps: {
    account: { title: 'Account', next: [{ to: 'team', when: ({ state }) => state.plan === 'team' }, { to: 'done' }] },
    team: { title: 'Team', skip: ({ state }) => state.invited, next: 'done' },
    done: { title: 'Done', final: true },
  },
})

function Step() {
  const { title, field, submit, back, canGoBack, headingProps } = useStep()
  return h(
    'form',
    { onSubmit: submit },
    h('h1', headingProps, title),
    h('input', field('email')),
    canGoBack && h('button', { type: 'button', onClick: back }, 'Back'),
    h('button', { type: 'submit' }, 'Continue'),
  )
}

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
