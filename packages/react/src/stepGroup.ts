import type { StepDef, WorkflowDefinition } from '@flowkit/core'

/**
 * Where a step of a composed flow comes from: the parent's `flow:` or `repeat:` step that included it
 * (core's `StepDef['groups']` entries), outermost first.
 */
export type StepGroup = NonNullable<StepDef<any>['groups']>[number]

/** What a repeat's summary step knows (core's `StepDef['summary']`): its key, bounds and each item's steps. */
export type RepeatSummary = NonNullable<StepDef<any>['summary']>

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

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)

/**
 * The data a child step reads and writes inside the flow's state: `state[key]` for a sub-flow, item
 * `i` of `state[key]` for a repeat, level by level. The state itself for a step of the flow.
 */
export const scopedState = (definition: WorkflowDefinition, step: string, state: unknown): unknown => {
  let scope = state
  for (const group of groupsOf(definition, step)) {
    const own = isRecord(scope) ? scope[group.key] : undefined
    scope = group.kind === 'repeat' ? (Array.isArray(own) ? own[group.item ?? -1] : undefined) : own
  }
  return scope
}
