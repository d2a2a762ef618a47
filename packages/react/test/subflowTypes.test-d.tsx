import { describe, it } from 'vitest'
import { createWorkflowContext } from '../src'
import { family, order } from './composed'

const Order = createWorkflowContext(order)
const Family = createWorkflowContext(family())
const C = () => null

describe('typed child step keys', () => {
  it('accept ids, groups, item templates and child flow steps; refuse a misspelt step', () => {
    ;<Order.WorkflowSteps steps={{ cart: C, shipping: C, 'billing.city': C, 'address.street': C }} />
    ;<Family.WorkflowSteps steps={{ dependants: C, 'dependants.*.name': C, 'dependants.*': C, 'dependants.0.age': C }} />
    ;<Order.WorkflowStep name="billing" />
    // @ts-expect-error 'crat' is no step of order
    ;<Order.WorkflowSteps steps={{ crat: C }} />
    // @ts-expect-error 'shiping' is no step or group of order
    ;<Order.WorkflowStep name="shiping" />
  })
})
