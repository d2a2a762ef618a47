import { defineWorkflow } from '@flowkit/core'
import { useStep, useWorkflow, WorkflowProvider, WorkflowSteps } from '@flowkit/react'
import { StateView } from '../ui/StateView.tsx'
import { StepFrame } from '../ui/StepFrame.tsx'
import { TextField } from '../ui/TextField.tsx'

export const feedback = defineWorkflow({
  id: 'feedback',
  initial: 'message',
  state: { message: '', name: '' },
  steps: {
    message: { title: 'Your feedback', next: 'name' },
    name: { title: 'Who are you?', final: true },
  },
})

/** `values` and `setValue` read and write the draft directly: here, a character count and a "clear" button. */
function Message() {
  const { values, setValue } = useStep<{ message: string }>()
  return (
    <StepFrame>
      <TextField name="message" label="Message" />
      <p>{values.message?.length ?? 0} characters</p>
      <button type="button" onClick={() => setValue('message', '')}>
        Clear
      </button>
    </StepFrame>
  )
}

const steps = {
  message: Message,
  name: () => (
    <StepFrame submitLabel="Send">
      <TextField name="name" label="Name (optional)" />
    </StepFrame>
  ),
}

export function Drafts() {
  const workflow = useWorkflow(feedback)
  return (
    <WorkflowProvider workflow={workflow}>
      <WorkflowSteps steps={steps} done={() => <p>Thanks for the feedback.</p>} />
      <StateView label="drafts (typed, not yet submitted)" pick={(s) => s.drafts} />
    </WorkflowProvider>
  )
}
