import type { Action, WorkflowDefinition } from '@flowkit/core'
import type { Guard } from './conditions'

/**
 * What a flow file refers to by name: actions (`"actions": ["saveAddress"]`), custom guards
 * (`{ "guard": "isReturningCustomer" }`) and sub-flows (`flow: address`, `repeat: { flow: dependant }`).
 * Files hold data; behaviour stays in the app's code.
 * @example
 * const registry: WorkflowRegistry = {
 *   actions: { saveAddress: async ({ input }) => ({ address: input }) },
 *   guards: { isReturningCustomer: ({ state }) => state.orders > 0 },
 *   flows: { address }, // from defineWorkflow, composeWorkflow or loadWorkflow
 * }
 */
export interface WorkflowRegistry {
  readonly actions?: Readonly<Record<string, Action<any, string, any>>>
  readonly guards?: Readonly<Record<string, Guard>>
  /** Defined workflows a file may use as sub-flows, by id; a file's own `flows` entries come first. */
  readonly flows?: Readonly<Record<string, WorkflowDefinition<any, any>>>
}

/** The entry of `table` named `name`, ignoring inherited properties such as `toString`. */
export const lookup = <T>(table: Readonly<Record<string, T>> | undefined, name: string): T | undefined =>
  table && Object.hasOwn(table, name) ? table[name] : undefined
