import type { WorkflowDefinition } from '@flowkit/core'
import { groupedMermaid } from './groupedMermaid'
import { checkMermaidOptions } from './mermaidOptions'
import { type GraphOptions, toGraph } from './toGraph'

export interface MermaidOptions extends GraphOptions {
  /** Layout direction: top-down or left-right. @default 'TD' */
  readonly direction?: 'TD' | 'LR'
}

/**
 * A Mermaid flowchart of a definition. Guarded choices carry their labels; final steps are rounded;
 * steps with a `skip` have a dashed border. With `trace` (a run's `snapshot.log`) the path taken is
 * drawn bold, skipped steps greyed and dashed, the current step filled. A sub-flow is a `subgraph` titled
 * with its step's title (nested for nested sub-flows); a repeat is one subgraph of its item's steps
 * ("Dependants (each item, 0–6)"), drawn once, with the summary's add/change, remove and continue
 * edges (a trace marks the drawn item for any item's visit). All user text is escaped, and
 * the options are checked: a bad one throws a WorkflowError `INVALID_OPTION` naming it and the allowed values.
 * It draws core's `groupedGraph`, as `<WorkflowDiagram>` does (a flow without groups has no subgraphs).
 * @example
 * console.log(toMermaid(checkout, { trace: flow.getSnapshot().log }))
 */
export const toMermaid = <S extends object, K extends string>(
  definition: WorkflowDefinition<S, K>,
  options: MermaidOptions = {},
): string => {
  checkMermaidOptions(options)
  const graph = toGraph(definition, options)
  const direction = options.direction ?? 'TD'
  return groupedMermaid(definition as unknown as WorkflowDefinition, graph, direction)
}
