import type { ComponentType, ReactNode } from 'react'
import { DoneArrival } from './DoneArrival'
import { reportMissingStep } from './missingStep'
import { pickFor, type StepKey } from './stepNames'
import { checkNames } from './useKnownStep'
import { useHydrated, useHydrationKey } from './useWorkflowHydrated'
import { useWorkflowState } from './useWorkflowState'
import { StepContext, useWorkflowContext } from './WorkflowContext'

/**
 * The `steps` map of `<WorkflowSteps>`: typed step ids, item templates and groups; and child-flow keys
 * (`'address.street'`, checked in development).
 */
export type StepComponents<K extends string = string> = { readonly [P in StepKey<K>]?: ComponentType } & {
  readonly [childFlowStep: `${string}.${string}`]: ComponentType | undefined
}

export interface WorkflowStepsProps<K extends string = string> {
  /**
   * A component per step; the current step's one is rendered, no other mounts. A sub-flow's or
   * repeat's steps can be named by their id (`'billing.street'`), or all at once; the most specific
   * key wins:
   * 1. the step's id: `'billing.street'`, `'dependants.1.age'`;
   * 2. a repeat's item step for every item: `'dependants.*.age'`;
   * 3. the child flow's id and its step, wherever that flow is used: `'address.street'`;
   * 4. a group, innermost first: a sub-flow's step for all its steps (`'billing'`), a repeat's items (`'dependants.*'`).
   *
   * A repeat's own id (`'dependants'`) is its summary step. `useStepGroup()` tells a shared component where it is.
   * @example
   * <WorkflowSteps steps={{ cart: Cart, shipping: AddressStep, 'address.street': Street, dependants: Summary, 'dependants.*.name': Name }} />
   */
  readonly steps: StepComponents<K>
  /** Rendered when the flow is done (its final step completed); arriving there moves focus to its first heading. @default nothing */
  readonly done?: ComponentType
  /**
   * Shown instead of the step until persisted state has been read (see `useWorkflowHydrated`), so a
   * reload never flashes the first step, and the server renders it too. Leave it out to render the
   * initial step at once; the step's content then remounts when restored values arrive.
   * @default undefined (no waiting)
   * @example
   * <WorkflowSteps steps={steps} fallback={<p aria-busy="true">Loading your answers…</p>} />
   */
  readonly fallback?: ReactNode
  /**
   * Rendered when the current step has no component in `steps`. Without it such a step renders
   * nothing, and development builds report it on the console once per step (the step, the keys given).
   * @default nothing
   * @example
   * <WorkflowSteps steps={{ email: Email }} missing={() => <p>This step has no screen yet.</p>} />
   */
  readonly missing?: ComponentType
}

/**
 * The map form of `<WorkflowStep>`: renders the current step's component, and only it.
 * @example
 * <WorkflowSteps steps={{ cart: Cart, payment: Payment, review: Review }} done={ThankYou} />
 */
export function WorkflowSteps<K extends string = string>({ steps, done: Done, fallback, missing: Missing }: WorkflowStepsProps<K>) {
  const { workflow } = useWorkflowContext(process.env.NODE_ENV !== 'production' && '<WorkflowSteps steps>')
  if (process.env.NODE_ENV !== 'production') checkNames(workflow, Object.keys(steps), '<WorkflowSteps steps>')
  const hydrated = useHydrated(workflow)
  const restored = useHydrationKey(workflow)
  const step = useWorkflowState((s) => (s.status === 'done' ? null : (s.step as K)))
  if (!hydrated && fallback !== undefined) return fallback
  if (step === null)
    return Done ? (
      <DoneArrival>
        <Done />
      </DoneArrival>
    ) : null
  const Step = pickFor(steps as Record<string, ComponentType | undefined>, workflow.definition, step) ?? Missing
  if (process.env.NODE_ENV !== 'production' && !Step) reportMissingStep(workflow, step, Object.keys(steps), '<WorkflowSteps steps>')
  // `key` remounts on a step change even when two steps share a component, so local state never leaks
  // between steps, and when stored values replaced what the step showed, so forms read them as defaults.
  return Step ? (
    <StepContext.Provider value={step} key={`${step}\u0000${restored}`}>
      <Step />
    </StepContext.Provider>
  ) : null
}
