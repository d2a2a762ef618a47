import { defineWorkflow } from '@flowkit/core'
import { StepHeading, useStep, useWorkflow, WorkflowProvider, WorkflowSteps } from '@flowkit/react'
import { standardSchemaResolver } from '@hookform/resolvers/standard-schema'
import { useEffect } from 'react'
import { useForm } from 'react-hook-form'
import { z } from 'zod'

const shippingSchema = z.object({
  name: z.string().min(1, { error: 'Enter your name' }),
  zip: z.string().regex(/^\d{5}$/, { error: 'Enter a 5-digit postcode' }),
})
type Shipping = z.infer<typeof shippingSchema>

export const shipping = defineWorkflow({
  id: 'rhf-shipping',
  initial: 'address',
  state: { name: '', zip: '' },
  steps: {
    address: { title: 'Shipping address', validate: shippingSchema, next: 'done' },
    done: { title: 'Ready to ship', final: true },
  },
})

/**
 * react-hook-form owns the inputs; the step's own schema is its resolver (validation runs once, in the
 * browser as the user submits, and again in the engine), the draft gives the defaults, and `watch`
 * copies what is typed back into the draft so it survives back() and reload.
 */
function Address() {
  const step = useStep<Shipping>()
  const form = useForm<Shipping>({
    defaultValues: { name: '', zip: '', ...step.getValues() },
    resolver: standardSchemaResolver(shippingSchema),
  })
  useEffect(() => {
    const { unsubscribe } = form.watch((values) => step.setValues(values as Partial<Shipping>))
    return unsubscribe
  }, [form, step.setValues])
  const { errors } = form.formState
  return (
    <form onSubmit={form.handleSubmit((values) => step.submit(values))} noValidate>
      <StepHeading as="h2">{step.title}</StepHeading>
      <p className="fk-field">
        <label htmlFor="rhf-name">Name</label>
        {errors.name && <span id="rhf-name-error">{errors.name.message}</span>}
        <input
          id="rhf-name"
          aria-invalid={errors.name ? true : undefined}
          aria-describedby={errors.name ? 'rhf-name-error' : undefined}
          {...form.register('name')}
        />
      </p>
      <p className="fk-field">
        <label htmlFor="rhf-zip">Postcode</label>
        {errors.zip && <span id="rhf-zip-error">{errors.zip.message}</span>}
        <input
          id="rhf-zip"
          aria-invalid={errors.zip ? true : undefined}
          aria-describedby={errors.zip ? 'rhf-zip-error' : undefined}
          {...form.register('zip')}
        />
      </p>
      <button type="submit">Continue</button>
    </form>
  )
}

function Done() {
  const { back, title, submit } = useStep()
  return (
    <form onSubmit={submit}>
      <button type="button" onClick={back}>
        Back
      </button>
      <StepHeading as="h2">{title}</StepHeading>
      <button type="submit">Ship it</button>
    </form>
  )
}

export function ReactHookFormExample() {
  const workflow = useWorkflow(shipping)
  return (
    <WorkflowProvider workflow={workflow}>
      <WorkflowSteps steps={{ address: Address, done: Done }} done={() => <p>Shipped.</p>} />
    </WorkflowProvider>
  )
}
