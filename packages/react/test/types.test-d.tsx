import { createWorkflow, type Workflow } from '@flowkit/core'
import { persist } from '@flowkit/core/persist'
import { describe, expectTypeOf, it } from 'vitest'
import {
  createWorkflowContext,
  type StepApi,
  type StepDirection,
  type StepSchema,
  type StepValidation,
  useStep,
  useStepDirection,
  useWorkflow,
  useWorkflowHydrated,
  WorkflowSteps,
} from '../src'
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
    useWorkflow(checkout, { persist: persist({}) })
    // @ts-expect-error persist takes the plugin from @flowkit/core/persist, not its options
    useWorkflow(checkout, { persist: { key: 'checkout' } })
  })

  it('keeps the untyped components open to any step id', () => {
    ;<WorkflowSteps steps={{ anything: () => null }} />
  })
})

describe('hydration, direction and form libraries', () => {
  it('says whether stored state was read, as a boolean', () => {
    expectTypeOf(useWorkflowHydrated()).toEqualTypeOf<boolean>()
    expectTypeOf(useWorkflowHydrated).parameter(0).toEqualTypeOf<Workflow<any, any> | undefined>()
  })

  it('names the directions a step can be reached from', () => {
    expectTypeOf(useStepDirection()).toEqualTypeOf<StepDirection>()
    expectTypeOf<StepDirection>().toEqualTypeOf<'forward' | 'back' | 'jump' | 'none'>()
  })

  it("types the step's schema by the form's values, as form libraries' resolvers want it", () => {
    const step = useStep<{ email: string }>()
    expectTypeOf(step.schema).toEqualTypeOf<StepSchema<{ email: string }> | undefined>()
    expectTypeOf(step.validate).returns.resolves.toEqualTypeOf<StepValidation>()
  })

  it('takes a node as the fallback and a component for a step without one', () => {
    ;<WorkflowSteps steps={{}} fallback={<p>Loading</p>} missing={() => null} />
    // @ts-expect-error `missing` is a component, not a node
    ;<WorkflowSteps steps={{}} missing={<p>no screen</p>} />
  })
})
