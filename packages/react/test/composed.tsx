import { composeWorkflow, defineWorkflow, type Workflow } from '@flowkit/core'
import { z } from 'zod'

/** A child flow used twice by `order`: street → city. */
export const address = defineWorkflow({
  id: 'address',
  initial: 'street',
  state: { street: '', city: '' },
  steps: {
    street: { title: 'Street', validate: z.object({ street: z.string().min(1, 'Enter a street') }), next: 'city' },
    city: { title: 'City', validate: z.object({ city: z.string().min(1, 'Enter a city') }), final: true },
  },
})

/** cart → shipping (address) → billing (address, skipped when `same`) → review. */
export const order = composeWorkflow({
  id: 'order',
  initial: 'cart',
  state: { same: false } as { same: boolean; shipping?: { street: string; city: string }; billing?: { street: string; city: string } },
  steps: {
    cart: { title: 'Cart', next: 'shipping' },
    shipping: { title: 'Delivery address', flow: address, next: 'billing' },
    billing: { title: 'Billing address', flow: address, skip: ({ state }) => state.same, next: 'review' },
    review: { title: 'Review', final: true },
  },
})

/** The steps asked per dependant: name → age. */
export const dependant = defineWorkflow({
  id: 'dependant',
  initial: 'name',
  state: { name: '', age: 0 },
  steps: {
    name: { title: 'Name', validate: z.object({ name: z.string().min(1, 'Enter a name') }), next: 'age' },
    age: { title: 'Age', validate: z.object({ age: z.coerce.number().int().min(0) }), final: true },
  },
})

export type Dependant = { name: string; age: number }

/** about → dependants (repeat, 0 to 3) → review. */
export const family = (min = 0, max = 3) =>
  composeWorkflow({
    id: 'family',
    initial: 'about',
    state: {} as { dependants?: Dependant[] },
    steps: {
      about: { title: 'About you', next: 'dependants' },
      dependants: { title: 'Dependants', repeat: { flow: dependant, min, max }, next: 'review' },
      review: { title: 'Check your answers', final: true },
    },
  })

/** The family flow to its check-answers page through its own moves: about, then Ada (7) and Bob (5), then continue. */
export const toFamilyReview = async (workflow: Workflow<any, any>) => {
  await workflow.next()
  for (const [name, age] of [
    ['Ada', 7],
    ['Bob', 5],
  ] as const) {
    await workflow.next({ action: 'add' })
    await workflow.next({ name })
    await workflow.next({ age })
  }
  await workflow.next({ action: 'continue' })
}
