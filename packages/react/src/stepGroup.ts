import type { RepeatSummary, StepDef, StepGroup, WorkflowDefinition } from '@flowkit/core'
import { viewOf } from '@flowkit/core'

export type { RepeatSummary, StepGroup }

type Steps = Readonly<Record<string, Pick<StepDef<any>, 'groups' | 'summary'> | undefined>>

const NO_GROUPS: readonly StepGroup[] = Object.freeze([])

/** The groups a step belongs to, outermost first; empty for a step of the flow itself. */
export const groupsOf = (definition: WorkflowDefinition, step: string): readonly StepGroup[] =>
  (definition.steps as Steps)[step]?.groups ?? NO_GROUPS

/** The repeat summary of a step, or `undefined` when it is not a repeat's summary step. */
export const summaryOf = (definition: WorkflowDefinition, step: string): RepeatSummary | undefined =>
  (definition.steps as Steps)[step]?.summary

/** The innermost repeat a step is an item step of, or `undefined`. */
export const repeatGroupOf = (definition: WorkflowDefinition, step: string): StepGroup | undefined =>
  groupsOf(definition, step).findLast((g) => g.kind === 'repeat')

/**
 * The data a child step reads and writes inside the flow's state (`state[key]`, or item `i` of it),
 * as core's `viewOf` gives it to the step's actions. The state itself for a step of the flow.
 */
export const scopedState = (definition: WorkflowDefinition, step: string, state: unknown): unknown => {
  const def = (definition.steps as Readonly<Record<string, StepDef<any> | undefined>>)[step]
  return def && typeof state === 'object' && state !== null ? viewOf(def, state) : state
}

const NO_ITEMS: readonly never[] = Object.freeze([])

/**
 * The items of the repeat whose summary step is `step`, as the engine counts them: `summary.key` of the data
 * the summary step sees (`scopedState`), so a repeat inside a sub-flow reads `state.home.kids`. Empty when there
 * are none yet.
 */
export const repeatItemsOf = (definition: WorkflowDefinition, step: string, summary: RepeatSummary, state: unknown): readonly unknown[] => {
  const items = (scopedState(definition, step, state) as Record<string, unknown> | undefined)?.[summary.key]
  return Array.isArray(items) ? items : NO_ITEMS
}
