import type {
  FlowStepDef,
  RepeatIds,
  RepeatStepDef,
  StepDef,
  SubflowIds,
  TargetsIfChosen,
  WorkflowDefinition,
  WrittenNexts,
} from '../types'
import { assertDefinition, compile } from './compile'
import { isComposed } from './composed'
import { expand } from './expand'

/**
 * The input of `composeWorkflow`: a `WorkflowConfig` whose steps may also be sub-flows (`flow:`) and
 * repeats (`repeat:`). Guards, `in` and actions see the state with the children's data
 * (`DefinedState`). `Keys` and `Nexts` are inferred from the steps as written (their `key` and `next`).
 */
export interface ComposedWorkflowConfig<S extends object, Inputs, Keys extends StateKeys = {}, Nexts = {}> {
  /** Names the flow in errors, snapshots and storage. */
  readonly id: string
  /** Bump it when a change makes stored snapshots unfit; `migrate` then gets a chance. */
  readonly version?: number | string
  readonly initial: NoInfer<keyof Inputs & string>
  readonly state: S
  readonly steps: {
    readonly [P in keyof Inputs]: (
      | FlowStepDef<NoInfer<DefinedState<S, Inputs, Keys>>, NoInfer<keyof Inputs & string>, NoInfer<ChildState<Inputs[P]>>, Inputs[P]>
      | RepeatStepDef<NoInfer<DefinedState<S, Inputs, Keys>>, NoInfer<keyof Inputs & string>, any, Inputs[P]>
      | StepDef<NoInfer<DefinedState<S, Inputs, Keys>>, NoInfer<keyof Inputs & string>, Inputs[P]>
    ) &
      TargetsIfChosen<Nexts, P, NoInfer<keyof Inputs & string>>
  } & WrittenKeys<Keys> &
    WrittenNexts<Nexts>
}

/**
 * Type-level: each step's `key` (or `repeat.key`) as written. The `string` in the bound keeps a key's
 * literal type (`'addr'`, not `string`); a step without one infers `unknown`.
 */
type StateKeys = { readonly [step: string]: string | {} | null | undefined }
type WrittenKeys<Keys> = { readonly [P in keyof Keys]: { readonly key?: Keys[P]; readonly repeat?: { readonly key?: Keys[P] } } }

/** The state of the child a sub-flow's mark names, which its `in` returns part of. */
type ChildState<Mark> = Mark extends SubflowIds<any, infer C extends object> ? C : any

/** Where a `flow:` or `repeat:` step `P` keeps its data: its `key` when written as a literal, else its id; a key typed `string` is nowhere known. */
type DataKey<P, Key> = unknown extends Key ? P : Key extends string ? (string extends Key ? never : Key) : P

/** The children's data: a sub-flow's state under its key, a repeat's items (an array of its state) under its. */
type ChildData<Inputs, Keys> = {
  [P in keyof Inputs & string as 0 extends 1 & Inputs[P]
    ? never
    : Inputs[P] extends SubflowIds<any, any> | RepeatIds<any, any>
      ? DataKey<P, P extends keyof Keys ? Keys[P] : unknown>
      : never]?: Inputs[P] extends SubflowIds<any, infer C> ? C : Inputs[P] extends RepeatIds<any, infer C> ? readonly C[] : never
}

/**
 * The state of a composed workflow: `S` with each sub-flow's data under its `key` (the step's id by
 * default) and each repeat's items under its own. Optional, as at run time: a child's data is there
 * once one of its steps has contributed on the current path, and drops out when the path leaves it.
 * A key `S` already types keeps the type `S` gives it.
 */
export type DefinedState<S, Inputs, Keys = {}> = [Exclude<keyof ChildData<Inputs, Keys>, keyof S>] extends [never]
  ? S
  : Flat<S & Omit<ChildData<Inputs, Keys>, keyof S>>

type Flat<T> = { [P in keyof T]: T[P] } & {}

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
export function composeWorkflow<S extends object, Inputs, Keys extends StateKeys = {}, Nexts = {}>(
  definition: ComposedWorkflowConfig<S, Inputs, Keys, Nexts>,
): WorkflowDefinition<DefinedState<S, Inputs, Keys>, DefinedStepId<Inputs>> {
  const written = definition as unknown as WorkflowDefinition
  // The rules of sub-flows and repeats are checked on the definition as written, before it is laid out.
  if (process.env.NODE_ENV !== 'production' && isComposed(written)) assertDefinition(written)
  const flat = expand(written)
  compile(flat)
  return flat as unknown as WorkflowDefinition<DefinedState<S, Inputs, Keys>, DefinedStepId<Inputs>>
}
