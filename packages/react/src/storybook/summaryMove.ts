import type { FlowState, WorkflowDefinition } from '@flowkit/core'
import { groupsOf, repeatItemsOf, summaryOf } from '../stepGroup'

const stateOf = (definition: WorkflowDefinition, s: FlowState): unknown => s.frame?.state ?? definition.state

/**
 * The input a seeding walk completes a repeat's summary with: `given` when the seed lists one, else
 * `change` (or `add`, for the next new item) when `toward` is an item step of this repeat, `continue`
 * otherwise. `undefined` for any other step. `mismatch` reports an item the seeded state cannot reach.
 */
export const summaryMove = (
  definition: WorkflowDefinition,
  s: FlowState,
  given: unknown,
  toward: string | undefined,
  mismatch: (problem: string) => never,
): unknown => {
  const summary = summaryOf(definition, s.step)
  if (!summary) return undefined
  if (given !== undefined) return given
  const group = toward === undefined ? undefined : groupsOf(definition, toward).find((g) => g.kind === 'repeat' && g.step === s.step)
  if (!group || group.item === undefined) return { action: 'continue' }
  const count = repeatItemsOf(definition, s.step, summary, stateOf(definition, s)).length
  if (group.item > count) {
    mismatch(
      `step '${toward}' is item ${group.item} of '${s.step}', but \`state.${summary.key}\` has ${count} item${count === 1 ? '' : 's'}; give it at least ${group.item} so the walk can add item ${group.item} after them.`,
    )
  }
  return group.item < count ? { action: 'change', item: group.item } : { action: 'add' }
}
