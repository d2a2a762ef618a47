import type { Action } from '@flowkit/core'
import type { Guard } from './conditions'

/**
 * What a flow file refers to by name: actions (`"actions": ["saveAddress"]`) and custom guards
 * (`{ "guard": "isReturningCustomer" }`). Files hold data; behaviour stays in the app's code.
 * @example
 * const registry: WorkflowRegistry = {
 *   actions: { saveAddress: async ({ input }) => ({ address: input }) },
 *   guards: { isReturningCustomer: ({ state }) => state.orders > 0 },
 * }
 */
export interface WorkflowRegistry {
  readonly actions?: Readonly<Record<string, Action<any, string, any>>>
  readonly guards?: Readonly<Record<string, Guard>>
}

/** The entry of `table` named `name`, ignoring inherited properties such as `toString`. */
export const lookup = <T>(table: Readonly<Record<string, T>> | undefined, name: string): T | undefined =>
  table && Object.hasOwn(table, name) ? table[name] : undefined
