import { defineWorkflow } from '@flowkit/core'
import { useWorkflow, WorkflowProvider, WorkflowSteps } from '@flowkit/react'
import { z } from 'zod'
import { StepFrame } from '../ui/StepFrame.tsx'
import { TextField } from '../ui/TextField.tsx'

export const contact = defineWorkflow({
  id: 'contact',
  initial: 'details',
  state: { email: '', age: 0 },
  steps: {
    details: {
      title: 'Your details',
      // Any Standard Schema: checked before actions run; issues land on the snapshot by field path.
      validate: z.object({
        email: z.email({ error: 'Enter an email address like ada@example.com' }),
        age: z.coerce.number({ error: 'Enter your age as a number' }).int().min(18, { error: 'You must be 18 or over' }),
      }),
      next: 'done',
    },
    done: { title: 'Thank you', final: true },
  },
})

const steps = {
  details: () => (
    <StepFrame>
      <TextField name="email" label="Email address" type="email" />
      <TextField name="age" label="Age" />
    </StepFrame>
  ),
  done: () => <StepFrame submitLabel="Finish">We have your details.</StepFrame>,
}

export function Validation() {
  const workflow = useWorkflow(contact)
  return (
    <WorkflowProvider workflow={workflow}>
      <WorkflowSteps steps={steps} done={() => <p>Done.</p>} />
    </WorkflowProvider>
  )
}
