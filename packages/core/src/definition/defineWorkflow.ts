import type { FlowStepDef, RepeatIds, RepeatStepDef, StepDef, SubflowIds, WorkflowDefinition } from '../types'
import { assertDefinition, compile } from './compile'
import { expand, isComposed } from './expand'

/**
 * The input of `defineWorkflow`. Step ids are the keys of `steps`, so a `next` naming another id is a
 * compile error. `Inputs` maps each step id to its input type, inferred from the step's `validate`
 * schema, so its actions receive a typed `input`.
 */
export interface WorkflowConfig<S extends object, Inputs> {
  /** Names the flow in errors, snapshots and storage. */
  readonly id: string
  /** Bump it when a change makes stored snapshots unfit; `migrate` then gets a chance. */
  readonly version?: number | string
  readonly initial: NoInfer<keyof Inputs & string>
  readonly state: S
  readonly steps: {
    readonly [P in keyof Inputs]:
      | StepDef<S, NoInfer<keyof Inputs & string>, Inputs[P]>
      | FlowStepDef<S, NoInfer<keyof Inputs & string>, any, Inputs[P]>
      | RepeatStepDef<S, NoInfer<keyof Inputs & string>, any, Inputs[P]>
  }
}

/**
 * The step ids of a defined workflow: its own, `'<step>.<child step>'` for a sub-flow's steps (in place
 * of the `flow:` step's id) and `'<step>.<i>.<child step>'` for a repeat's.
 */
export type DefinedStepId<Inputs> = {
  [P in keyof Inputs & string]: 0 extends 1 & Inputs[P]
    ? P
    : Inputs[P] extends SubflowIds<infer C extends string>
      ? `${P}.${C}`
      : Inputs[P] extends RepeatIds<infer C extends string>
        ? P | `${P}.${number}.${C}`
        : P
}[keyof Inputs & string]

/**
 * Checks a workflow definition and returns it, typed. Throws a `WorkflowError` (category
 * `'definition'`) listing every problem `checkDefinition` finds, with a hint to fix each. Production
 * builds skip the checks.
 * @example
 * const signup = defineWorkflow({
 *   id: 'signup',
 *   initial: 'email',
 *   state: { email: '' },
 *   steps: { email: { next: 'done' }, done: { final: true } },
 * })
 */
export function defineWorkflow<S extends object, Inputs>(
  definition: WorkflowConfig<S, Inputs>,
): WorkflowDefinition<S, DefinedStepId<Inputs>> {
  const written = definition as unknown as WorkflowDefinition
  // The rules of sub-flows and repeats are checked on the definition as written, before it is laid out.
  if (process.env.NODE_ENV !== 'production' && isComposed(written)) assertDefinition(written)
  const flat = expand(written)
  compile(flat)
  return flat as unknown as WorkflowDefinition<S, DefinedStepId<Inputs>>
}
