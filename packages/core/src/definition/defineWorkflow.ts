import type { StepDef, TargetsIfChosen, WorkflowDefinition, WrittenNexts } from '../types'
import { compile } from './compile'

/**
 * The input of `defineWorkflow`. Step ids are the keys of `steps`, so a `next` naming another id is a
 * compile error. `Inputs` maps each step id to its input type, inferred from the step's `validate`
 * schema, so its actions receive a typed `input`. Sub-flows and repeats are `composeWorkflow`'s.
 */
export interface WorkflowConfig<S extends object, Inputs, Nexts = {}> {
  /** Names the flow in errors, snapshots and storage. */
  readonly id: string
  /** Bump it when a change makes stored snapshots unfit; `migrate` then gets a chance. */
  readonly version?: number | string
  readonly initial: NoInfer<keyof Inputs & string>
  readonly state: S
  readonly steps: {
    readonly [P in keyof Inputs]: StepDef<S, NoInfer<keyof Inputs & string>, Inputs[P]> &
      FlatStep &
      TargetsIfChosen<Nexts, P, NoInfer<keyof Inputs & string>>
  } & WrittenNexts<Nexts>
}

/** A step of `defineWorkflow`: `flow:` and `repeat:` steps are `composeWorkflow`'s. */
interface FlatStep {
  readonly flow?: UseComposeWorkflow
  readonly repeat?: UseComposeWorkflow
}

/** Named so that the compile error of a `flow:` or `repeat:` step given to `defineWorkflow` says the fix. */
type UseComposeWorkflow = "a flow with `flow:` or `repeat:` steps is defined with composeWorkflow({ ... }) from '@flowkit/core'"

/**
 * Checks a workflow definition and returns it, typed. Throws a `WorkflowError` (category
 * `'definition'`) listing every problem `checkDefinition` finds, with a hint to fix each. Production
 * builds skip the checks, but not the refusal of a sub-flow or repeat step (`INVALID_SUBFLOW`): a flow
 * that has them is defined with `composeWorkflow`, so a flat flow does not ship the code that lays them out.
 * @example
 * const signup = defineWorkflow({
 *   id: 'signup',
 *   initial: 'email',
 *   state: { email: '' },
 *   steps: { email: { next: 'done' }, done: { final: true } },
 * })
 */
export function defineWorkflow<S extends object, Inputs, Nexts = {}>(
  definition: WorkflowConfig<S, Inputs, Nexts>,
): WorkflowDefinition<S, keyof Inputs & string> {
  compile(definition as unknown as WorkflowDefinition)
  return definition as unknown as WorkflowDefinition<S, keyof Inputs & string>
}
