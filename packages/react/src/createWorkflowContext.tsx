import type { Workflow, WorkflowDefinition, WorkflowSnapshot } from '@flowkit/core'
import type { ReactNode } from 'react'
import { fail } from './fail'
import type { FieldOptions } from './fieldProps'
import { type CheckAnswersApi, useCheckAnswers } from './useCheckAnswers'
import { type FieldApi, useField } from './useField'
import { type StepApi, useStep } from './useStep'
import { type UseWorkflowOptions, useWorkflow } from './useWorkflow'
import { useWorkflowState } from './useWorkflowState'
import { useWorkflowContext } from './WorkflowContext'
import { WorkflowProvider, type WorkflowProviderProps } from './WorkflowProvider'
import { WorkflowStep, type WorkflowStepProps } from './WorkflowStep'
import { WorkflowStepper, type WorkflowStepperProps } from './WorkflowStepper'
import { WorkflowSteps, type WorkflowStepsProps } from './WorkflowSteps'

export interface TypedProviderProps<S extends object, K extends string> extends Omit<WorkflowProviderProps, 'workflow'> {
  /** An instance of this definition; leave it out to create one for the provider's life. */
  readonly workflow?: Workflow<S, K>
  /** Options for the instance the provider creates (ignored with `workflow`). */
  readonly options?: UseWorkflowOptions
  readonly children?: ReactNode
}

/** A Provider, hooks and components typed to one definition's step ids and state. */
export interface TypedWorkflowContext<S extends object, K extends string> {
  readonly definition: WorkflowDefinition<S, K>
  Provider(props: TypedProviderProps<S, K>): ReactNode
  useWorkflow(options?: UseWorkflowOptions): Workflow<S, K>
  /** The provider's workflow instance, for `next`, `goTo`, `reset`… */
  useWorkflowInstance(): Workflow<S, K>
  useWorkflowState<T>(selector: (snapshot: WorkflowSnapshot<S, K>) => T): T
  useStep<V extends object = Record<string, any>>(): StepApi<V, K>
  useField<T = unknown>(path: string, options?: FieldOptions): FieldApi<T>
  /** `useCheckAnswers()` with `change(step)` and `returning` typed to the definition's step ids. */
  useCheckAnswers(): CheckAnswersApi<K>
  WorkflowStep(props: WorkflowStepProps<K>): ReactNode
  WorkflowSteps(props: WorkflowStepsProps<K>): ReactNode
  WorkflowStepper(props: WorkflowStepperProps<K>): ReactNode
}

/**
 * Binds the React API to one definition: step names are checked by the compiler (`<Checkout.WorkflowStep
 * name="paymnt">` does not compile) and `useWorkflowState` selectors get the definition's state type.
 * @example
 * export const Checkout = createWorkflowContext(checkout)
 * <Checkout.Provider options={{ persist: persist({ key: 'checkout' }) }}><Checkout.WorkflowStep name="cart"><Cart /></Checkout.WorkflowStep></Checkout.Provider>
 */
export function createWorkflowContext<S extends object, K extends string>(
  definition: WorkflowDefinition<S, K>,
): TypedWorkflowContext<S, K> {
  // biome-ignore lint/correctness/noComponentHookFactories: binding hooks to one definition is this factory's purpose; it runs once at module scope
  const useInstance = (): Workflow<S, K> => {
    const { workflow } = useWorkflowContext(process.env.NODE_ENV !== 'production' && `useWorkflowInstance() of workflow '${definition.id}'`)
    if (workflow.definition !== definition) {
      fail(
        'WRONG_PROVIDER',
        process.env.NODE_ENV !== 'production' &&
          `hooks of createWorkflowContext(${definition.id}) are used under a provider of workflow '${workflow.definition.id}'; render them inside the matching <Provider>.`,
      )
    }
    return workflow as Workflow<S, K>
  }
  return {
    definition,
    // biome-ignore lint/correctness/noComponentHookFactories: see above
    Provider: ({ workflow, options, ...props }) => <WorkflowProvider {...props} workflow={useWorkflow(workflow ?? definition, options)} />,
    useWorkflow: (options) => useWorkflow(definition, options),
    useWorkflowInstance: useInstance,
    useWorkflowState: (selector) => {
      useInstance()
      return useWorkflowState(selector)
    },
    useStep: () => {
      useInstance()
      return useStep()
    },
    useField: (path, options) => {
      useInstance()
      return useField(path, options)
    },
    useCheckAnswers: () => {
      useInstance()
      return useCheckAnswers<K>()
    },
    WorkflowStep,
    WorkflowSteps,
    WorkflowStepper,
  }
}
