import type { StepGroup } from './stepGroup'

/** The child group a stepper item belongs to: its outermost sub-flow or repeat item. */
export interface StepperGroup {
  /** The including step's id, e.g. `'billing'` or `'dependants'`. */
  readonly step: string
  readonly kind: StepGroup['kind']
  /** The group's title; a repeat item's is numbered from 1: `'Dependants 2'`. */
  readonly title: string
  /** A repeat's item index (0-based). */
  readonly item?: number
}

/** One entry of the stepper: a step, or consecutive steps of one group with the group's children. */
export type StepperEntry<T> =
  | { readonly kind: 'step'; readonly item: T }
  | { readonly kind: 'group'; readonly group: StepperGroup; readonly items: readonly T[] }

const stepperGroup = (g: StepGroup): StepperGroup =>
  g.kind === 'repeat' && g.item !== undefined
    ? { step: g.step, kind: g.kind, title: `${g.title} ${g.item + 1}`, item: g.item }
    : { step: g.step, kind: g.kind, title: g.title }

/** The stepper groups of a step's groups (outermost first); none for a step of the flow itself (its own empty list, shared). */
export const stepperGroupsOf = (groups: readonly StepGroup[]): readonly StepperGroup[] =>
  groups.length === 0 ? (groups as readonly never[]) : groups.map(stepperGroup)

const sameGroup = (a: StepperGroup | undefined, b: StepperGroup | undefined) =>
  a !== undefined && b !== undefined && a.step === b.step && a.item === b.item

/**
 * Runs of consecutive items of one group at `depth` (0: the outermost) become one entry; other items stay entries of
 * their own. A group entry's items are grouped again at `depth + 1` for a sub-flow inside a sub-flow.
 */
export const stepperEntries = <T extends { readonly groups: readonly StepperGroup[] }>(
  items: readonly T[],
  depth = 0,
): StepperEntry<T>[] => {
  const entries: StepperEntry<T>[] = []
  for (const item of items) {
    const last = entries[entries.length - 1]
    const group = item.groups[depth]
    if (group && last?.kind === 'group' && sameGroup(last.group, group)) (last.items as T[]).push(item)
    else if (group) entries.push({ kind: 'group', group, items: [item] })
    else entries.push({ kind: 'step', item })
  }
  return entries
}
