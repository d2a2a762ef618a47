import { composeWorkflow, defineWorkflow, groupTitle, qualifiedStepTitle, stepTitle } from '@flowkit/core'
import { describe, expect, test } from 'vitest'

const person = defineWorkflow({
  id: 'person',
  initial: 'name',
  state: { name: '' },
  steps: { name: { title: 'Name', final: true } },
})

const household = composeWorkflow({
  id: 'household',
  initial: 'you',
  state: { you: { name: '' }, dependants: [] as { name: string }[] },
  steps: {
    you: { title: 'About you', flow: person, next: 'dependants' },
    dependants: { title: 'Dependants', repeat: { flow: person, min: 0, max: 3 }, next: 'done' },
    done: { final: true },
  },
})

describe('stepTitle: a step as users know it', () => {
  test("a step's title, else its id (an unknown step too)", () => {
    expect(stepTitle(household, 'you.name')).toBe('Name')
    expect(stepTitle(household, 'done')).toBe('done')
    expect(stepTitle(household, 'nowhere')).toBe('nowhere')
  })

  test('qualifiedStepTitle: after its sub-flow and its numbered repeat item, so the same child step reads apart', () => {
    expect(qualifiedStepTitle(household, 'you.name')).toBe('About you: Name')
    expect(qualifiedStepTitle(household, 'dependants.1.name')).toBe('Dependants 2: Name')
    expect(qualifiedStepTitle(household, 'done')).toBe('done')
  })

  test('qualifiedStepTitle names an untitled child step by its id in the child flow, not its laid-out id', () => {
    const address = defineWorkflow({ id: 'address', initial: 'street', state: { street: '' }, steps: { street: { final: true } } })
    const order = composeWorkflow({
      id: 'order',
      initial: 'billing',
      state: { billing: { street: '' } },
      steps: { billing: { title: 'Billing address', flow: address, next: 'done' }, done: { final: true } },
    })
    expect(qualifiedStepTitle(order, 'billing.street')).toBe('Billing address: street')
    expect(stepTitle(order, 'billing.street')).toBe('billing.street')
  })

  test("groupTitle numbers a repeat's items from 1 and leaves a sub-flow or a repeat as a whole as titled", () => {
    expect(groupTitle({ kind: 'repeat', title: 'Dependants', item: 0 })).toBe('Dependants 1')
    expect(groupTitle({ kind: 'repeat', title: 'Dependants' })).toBe('Dependants')
    expect(groupTitle({ kind: 'flow', title: 'About you' })).toBe('About you')
  })
})
