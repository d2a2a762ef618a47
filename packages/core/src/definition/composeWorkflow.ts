import type { FlowStepDef, RepeatIds, RepeatStepDef, StepDef, SubflowIds, WorkflowDefinition } from '../types'
import { assertDefinition, compile } from './compile'
import { isComposed } from './composed'
import { expand } from './expand'

/**
 * The input of `composeWorkflow`: a `WorkflowConfig` whose steps may also be sub-flows (`flow:`) and
 * repeats (`repeat:`).
 */
export interface ComposedWorkflowConfig<S extends object, Inputs> {
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
 * The step ids of a composed workflow: its own, `'<step>.<child step>'` for a sub-flow's steps (in
 * place of the `flow:` step's id) and `'<step>.<i>.<child step>'` for a repeat's.
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
 * `defineWorkflow` for flows with sub-flows (`flow:`) and repeats (`repeat:`): checks the definition as
 * written, then lays each sub-flow and repeat out as steps (`'shipping.street'`, `'dependants.0.name'`)
 * and returns the flat definition, typed. A flat config is accepted too. It is a function of its own
 * so that a flow without sub-flows or repeats does not ship the layout code.
 * @example
 * const checkout = composeWorkflow({
 *   id: 'checkout',
 *   initial: 'shipping',
 *   state: {},
 *   steps: { shipping: { flow: address, next: 'done' }, done: { final: true } },
 * })
 */
export function composeWorkflow<S extends object, Inputs>(
  definition: ComposedWorkflowConfig<S, Inputs>,
): WorkflowDefinition<S, DefinedStepId<Inputs>> {
  const written = definition as unknown as WorkflowDefinition
  // The rules of sub-flows and repeats are checked on the definition as written, before it is laid out.
  if (process.env.NODE_ENV !== 'production' && isComposed(written)) assertDefinition(written)
  const flat = expand(written)
  compile(flat)
  return flat as unknown as WorkflowDefinition<S, DefinedStepId<Inputs>>
}
