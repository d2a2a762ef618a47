import { defineWorkflow, type StepDef } from '@flowkit/core'
import { useWorkflow, WorkflowProvider, WorkflowSteps } from '@flowkit/react'
import { type } from 'arktype'
import * as v from 'valibot'
import { z } from 'zod'
import { StepFrame } from '../ui/StepFrame.tsx'
import { TextField } from '../ui/TextField.tsx'

// The same rule in three libraries: an email address, and a nickname of 2 to 20 characters.
export const zodSchema = z.object({
  email: z.email({ error: 'Enter an email address' }),
  nickname: z.string().min(2, { error: 'At least 2 characters' }).max(20, { error: 'At most 20 characters' }),
})

export const valibotSchema = v.object({
  email: v.pipe(v.string('Enter an email address'), v.email('Enter an email address')),
  nickname: v.pipe(v.string('At least 2 characters'), v.minLength(2, 'At least 2 characters'), v.maxLength(20, 'At most 20 characters')),
})

export const arktypeSchema = type({
  email: type('string.email').configure({ message: 'Enter an email address' }),
  nickname: type('2 <= string <= 20').configure({ message: 'Between 2 and 20 characters' }),
})

/** One flow per library; only `validate` differs. */
const profile = (id: string, validate: NonNullable<StepDef<object>['validate']>) =>
  defineWorkflow({
    id,
    initial: 'profile',
    state: { email: '', nickname: '' },
    steps: {
      profile: { title: 'Your profile', validate, next: 'done' },
      done: { title: 'Saved', final: true },
    },
  })

const flows = { zod: profile('zod', zodSchema), valibot: profile('valibot', valibotSchema), arktype: profile('arktype', arktypeSchema) }

const steps = {
  profile: () => (
    <StepFrame>
      <TextField name="email" label="Email address" type="email" />
      <TextField name="nickname" label="Nickname" />
    </StepFrame>
  ),
  done: () => <StepFrame submitLabel="Finish">Profile saved.</StepFrame>,
}

export function ProfileWith({ library }: { library: keyof typeof flows }) {
  const workflow = useWorkflow(flows[library])
  return (
    <WorkflowProvider workflow={workflow}>
      <WorkflowSteps steps={steps} done={() => <p>Done with {library}.</p>} />
    </WorkflowProvider>
  )
}
