import { defineWorkflow } from '@flowkit/core'
import { useWorkflow, WorkflowProvider, WorkflowSteps } from '@flowkit/react'
import { StateView } from '../ui/StateView.tsx'
import { StepFrame } from '../ui/StepFrame.tsx'
import { TextField } from '../ui/TextField.tsx'

/** Stands in for `fetch('/api/usernames/…', { signal })`: answers after a pause, and honours the abort signal. */
export function checkUsername(name: string, signal: AbortSignal, delay = 600): Promise<boolean> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => resolve(!['admin', 'root'].includes(name.toLowerCase())), delay)
    signal.addEventListener('abort', () => {
      clearTimeout(timer)
      reject(signal.reason)
    })
  })
}

export const account = defineWorkflow({
  id: 'account',
  initial: 'username',
  state: { username: '' },
  steps: {
    username: {
      title: 'Pick a username',
      actions: [
        async ({ input, signal }) => {
          const { username = '' } = input as { username?: string }
          if (!(await checkUsername(username, signal))) throw new Error(`'${username}' is taken; try another username.`)
          return { username }
        },
      ],
      next: 'welcome',
    },
    welcome: { title: 'Welcome', final: true },
  },
})

const steps = {
  username: () => (
    <StepFrame>
      <TextField name="username" label="Username (try admin)" />
    </StepFrame>
  ),
  welcome: () => <StepFrame submitLabel="Finish">Your account is ready.</StepFrame>,
}

export function AsyncActions() {
  const workflow = useWorkflow(account)
  return (
    <WorkflowProvider workflow={workflow}>
      <WorkflowSteps steps={steps} done={() => <p>All set.</p>} />
      <StateView label="status and error" pick={(s) => ({ status: s.status, error: s.error?.code ?? null })} />
    </WorkflowProvider>
  )
}
