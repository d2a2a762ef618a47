// The wizard both react-wizard scenarios bundle (not a scenario itself: only *.entry.ts files are).
import { defineWorkflow } from '@flowkit/core'
import {
  type UseWorkflowOptions,
  useStep,
  useWorkflow,
  WorkflowProgress,
  WorkflowProvider,
  WorkflowStepper,
  WorkflowSteps,
} from '@flowkit/react'
import { createElement as h } from 'react'
import { createRoot } from 'react-dom/client'

export const signup = defineWorkflow({
  id: 'signup',
  initial: 'account',
  state: { email: '', plan: 'solo', invited: false },
  steps: {
    account: { title: 'Account', next: [{ to: 'team', when: ({ state }) => state.plan === 'team' }, { to: 'done' }] },
    team: { title: 'Team', skip: ({ state }) => state.invited, next: 'done' },
    done: { title: 'Done', final: true },
  },
})

export function Step() {
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

/** The wizard, with `options` for `useWorkflow` (read once, when it mounts). */
function App({ options }: { readonly options?: UseWorkflowOptions }) {
  const workflow = useWorkflow(signup, options)
  return h(
    WorkflowProvider,
    { workflow },
    h(WorkflowProgress),
    h(WorkflowStepper),
    h(WorkflowSteps, { steps: { account: Step, team: Step, done: Step } }),
  )
}

/** Renders the wizard into the page. */
export const renderWizard = (options?: UseWorkflowOptions) => createRoot(document.body).render(h(App, { options }))
