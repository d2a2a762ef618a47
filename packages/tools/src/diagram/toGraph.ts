import { type GraphOptions, toGraph as graphOf, type WorkflowDefinition, type WorkflowGraph } from '@flowkit/core'
import { conditionOf, describeCondition } from '../conditions'

export type { EdgeKind, GraphEdge, GraphNode, GraphOptions, NodeStatus, WorkflowGraph } from '@flowkit/core'

/** Words for a guard or skip that a flow file declared as data. */
export const describeGuard = (guard: (...args: never[]) => unknown): string | undefined => {
  const condition = conditionOf(guard as never)
  return condition ? describeCondition(condition) : undefined
}

/**
 * Core's `toGraph`, with the conditions of flow files described in words (`plan is "family"`).
 * @example
 * const { nodes, edges } = toGraph(checkout, { trace: flow.getSnapshot().log })
 */
export const toGraph = <S extends object, K extends string>(
  definition: WorkflowDefinition<S, K>,
  options: GraphOptions = {},
): WorkflowGraph => graphOf(definition, { describe: describeGuard, ...options })
