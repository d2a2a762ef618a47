import { createWorkflow, type Workflow } from '@flowkit/core'
import { describe, expectTypeOf, it } from 'vitest'
import { createWorkflowContext, type StepApi, useWorkflow, WorkflowSteps } from '../src'
import { type CheckoutSteps, checkout } from './fixtures'

const Checkout = createWorkflowContext(checkout)

describe('createWorkflowContext', () => {
  it('accepts the step ids of its definition', () => {
    ;<Checkout.WorkflowStep name="payment">x</Checkout.WorkflowStep>
    ;<Checkout.WorkflowSteps steps={{ cart: () => null, review: () => null }} />
  })

  it('rejects an unknown step id at compile time', () => {
    // @ts-expect-error 'paymnt' is not a step of checkout
    ;<Checkout.WorkflowStep name="paymnt">x</Checkout.WorkflowStep>
    // @ts-expect-error 'carts' is not a step of checkout
    ;<Checkout.WorkflowSteps steps={{ carts: () => null }} />
    // @ts-expect-error 'paymnt' is not a step of checkout
    Checkout.useWorkflowInstance().goTo('paymnt')
  })

  it('types selectors with the definition state and step ids', () => {
    expectTypeOf(Checkout.useWorkflowState((s) => s.state.delivery)).toEqualTypeOf<'post' | 'pickup'>()
    expectTypeOf(Checkout.useWorkflowState((s) => s.step)).toEqualTypeOf<CheckoutSteps>()
    // @ts-expect-error there is no such state field
    Checkout.useWorkflowState((s) => s.state.nope)
    expectTypeOf(Checkout.useStep<{ card: string }>()).toEqualTypeOf<StepApi<{ card: string }, CheckoutSteps>>()
  })
})

describe('useWorkflow', () => {
  it('returns a workflow typed to the definition, from a definition or an instance', () => {
    expectTypeOf(useWorkflow(checkout)).toEqualTypeOf<Workflow<typeof checkout.state, CheckoutSteps>>()
    expectTypeOf(useWorkflow(createWorkflow(checkout))).toEqualTypeOf<Workflow<typeof checkout.state, CheckoutSteps>>()
    // @ts-expect-error persist needs a key
    useWorkflow(checkout, { persist: {} })
  })

  it('keeps the untyped components open to any step id', () => {
    ;<WorkflowSteps steps={{ anything: () => null }} />
  })
})
