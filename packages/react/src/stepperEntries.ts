import type { WorkflowDefinition } from '@flowkit/core'
import { groupTitle, stepTitle } from '@flowkit/core'
import { groupsOf, type StepGroup, summaryOf } from './stepGroup'

/** A group stepper items belong to: a sub-flow, a repeat (its summary and all its items), or one repeat item. */
export interface StepperGroup {
  /** The including step's id, e.g. `'billing'` or `'dependants'`. */
  readonly step: string
  readonly kind: StepGroup['kind']
  /** The group's title: the including step's; a repeat item's is numbered from 1: `'Dependants 2'`. */
  readonly title: string
  /** A repeat item's index (0-based); `undefined` for a sub-flow and for a repeat as a whole. */
  readonly item?: number
}

/** One entry of the stepper: a step, or consecutive steps of one group with the group's children. */
export type StepperEntry<T> =
  | { readonly kind: 'step'; readonly item: T }
  | { readonly kind: 'group'; readonly group: StepperGroup; readonly items: readonly T[] }

/**
 * The stepper groups of a step, outermost first: its sub-flows, and for a repeat both the repeat as a whole
 * (which its summary step belongs to as well) and the item. None for a step of the flow itself.
 */
export const stepperGroupsOf = (definition: WorkflowDefinition, step: string): StepperGroup[] => {
  const groups = groupsOf(definition, step).flatMap(({ step, kind, title, item }): StepperGroup[] =>
    kind === 'repeat'
      ? [
          { step, kind, title },
          { step, kind, title: groupTitle({ kind, title, item }), item },
        ]
      : [{ step, kind, title }],
  )
  if (summaryOf(definition, step)) groups.push({ step, kind: 'repeat', title: stepTitle(definition, step) })
  return groups
}

const sameGroup = (a: StepperGroup | undefined, b: StepperGroup | undefined) =>
  a !== undefined && b !== undefined && a.step === b.step && a.item === b.item

/**
 * Runs of consecutive items of one group at `depth` (0: the outermost) become one entry; other items stay entries of
 * their own. A group entry's items are grouped again at `depth + 1` for a sub-flow inside a sub-flow. Inside a
 * repeat, its items are entries and its summary step, visited between them, is one entry: its last visit.
 */
export const stepperEntries = <T extends { readonly groups: readonly StepperGroup[] }>(
  items: readonly T[],
  depth = 0,
): StepperEntry<T>[] => {
  let entries: StepperEntry<T>[] = []
  for (const item of items) {
    const last = entries[entries.length - 1]
    const group = item.groups[depth]
    if (group && last?.kind === 'group' && sameGroup(last.group, group)) (last.items as T[]).push(item)
    else if (group) entries.push({ kind: 'group', group, items: [item] })
    else {
      const repeat = item.groups[depth - 1]
      // A step at this level of a repeat is its summary: only its last visit stays.
      if (repeat?.kind === 'repeat' && repeat.item === undefined) entries = entries.filter((e) => e.kind === 'group')
      entries.push({ kind: 'step', item })
    }
  }
  return entries
}
