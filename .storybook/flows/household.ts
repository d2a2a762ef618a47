import { composeWorkflow, defineWorkflow } from '@flowkit/core'
import { z } from 'zod'

/** An address, asked as a sub-flow. */
export const address = defineWorkflow({
  id: 'address',
  initial: 'street',
  state: { street: '', city: '' },
  steps: {
    street: { title: 'Street', validate: z.object({ street: z.string().min(1, 'Enter a street') }), next: 'city' },
    city: { title: 'Town or city', validate: z.object({ city: z.string().min(1, 'Enter a town or city') }), final: true },
  },
})

/** The questions asked per dependant. */
export const dependant = defineWorkflow({
  id: 'dependant',
  initial: 'name',
  state: { name: '', age: 0 },
  steps: {
    name: { title: 'Name', validate: z.object({ name: z.string().min(1, 'Enter a name') }), next: 'age' },
    age: { title: 'Age', validate: z.object({ age: z.coerce.number().int().min(0, 'Enter an age') }), final: true },
  },
})

/** A household: an intro, the home address (a sub-flow), each dependant (a repeat of up to 4), then check answers. */
export const household = composeWorkflow({
  id: 'household',
  initial: 'start',
  state: {} as { home?: { street: string; city: string }; dependants?: { name: string; age: number }[] },
  steps: {
    start: { title: 'About your household', next: 'home' },
    home: { title: 'Home address', flow: address, next: 'dependants' },
    dependants: { title: 'Dependants', repeat: { flow: dependant, max: 4 }, next: 'review' },
    review: { title: 'Check your answers', final: true },
  },
})

export const twoDependants = {
  home: { street: '1 Main St', city: 'Dublin' },
  dependants: [
    { name: 'Ada', age: 7 },
    { name: 'Bob', age: 5 },
  ],
}
