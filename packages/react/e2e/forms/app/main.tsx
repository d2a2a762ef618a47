// The README's recipes, as written there (see ../readmeRecipes.ts).
import { EmailWithReactHookForm } from 'readme-recipe:react-hook-form'
import { EmailWithTanStackForm } from 'readme-recipe:tanstack-form'
import { persist } from '@flowkit/core/persist'
import { StepHeading, useStep, useWorkflow, useWorkflowState, WorkflowProvider, WorkflowSteps } from '@flowkit/react'
import { StrictMode, useState } from 'react'
import { createRoot } from 'react-dom/client'
import { signup } from './flow'

const params = new URLSearchParams(window.location.search)
const library = params.get('form') === 'tanstack-form' ? 'tanstack-form' : 'react-hook-form'
const Email = library === 'tanstack-form' ? EmailWithTanStackForm : EmailWithReactHookForm

function Plan() {
  const { title, field, submit, back } = useStep<{ plan: 'solo' | 'team' }>()
  return (
    <form onSubmit={submit}>
      <StepHeading>{title}</StepHeading>
      <label>
        <input {...field('plan', { type: 'radio', option: 'solo' })} /> Solo
      </label>
      <label>
        <input {...field('plan', { type: 'radio', option: 'team' })} /> Team
      </label>
      <button type="button" onClick={back}>
        Back
      </button>
      <button type="submit">Continue</button>
    </form>
  )
}

function Review() {
  const { title, submit, back } = useStep()
  const email = useWorkflowState((s) => s.state.email as string)
  return (
    <form onSubmit={submit}>
      <StepHeading>{title}</StepHeading>
      <p>Email: {email}</p>
      <button type="button" onClick={back}>
        Back
      </button>
      <button type="submit">Confirm</button>
    </form>
  )
}

function Wizard() {
  const workflow = useWorkflow(signup, { persist: persist({ key: `signup-${library}` }) })
  return (
    <WorkflowProvider workflow={workflow}>
      <WorkflowSteps
        steps={{ email: Email, plan: Plan, review: Review }}
        fallback={params.has('fallback') ? <p>Loading your answers…</p> : undefined}
        done={() => <p>Thank you</p>}
      />
    </WorkflowProvider>
  )
}

/** `?landing`: a landing page first, whose Start button opens the wizard in the app (no page load). */
function App() {
  const [started, setStarted] = useState(!params.has('landing'))
  if (started) return <Wizard />
  return (
    <main>
      <h1>Welcome</h1>
      <button type="button" onClick={() => setStarted(true)}>
        Start
      </button>
    </main>
  )
}

// StrictMode unless `?strict=0`: the recipes must work both ways.
createRoot(document.getElementById('root') as HTMLElement).render(
  params.get('strict') === '0' ? (
    <App />
  ) : (
    <StrictMode>
      <App />
    </StrictMode>
  ),
)
