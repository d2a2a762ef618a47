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

/** The stepper group of a step's groups (outermost first), or `undefined` for a step of the flow itself. */
export const stepperGroupOf = (groups: readonly StepGroup[]): StepperGroup | undefined => {
  const g = groups[0]
  if (!g) return undefined
  return g.kind === 'repeat' && g.item !== undefined
    ? { step: g.step, kind: g.kind, title: `${g.title} ${g.item + 1}`, item: g.item }
    : { step: g.step, kind: g.kind, title: g.title }
}

const sameGroup = (a: StepperGroup | undefined, b: StepperGroup | undefined) =>
  a !== undefined && b !== undefined && a.step === b.step && a.item === b.item

/** Runs of consecutive items of one group become one entry; other items stay entries of their own. */
export const stepperEntries = <T extends { readonly group?: StepperGroup }>(items: readonly T[]): StepperEntry<T>[] => {
  const entries: StepperEntry<T>[] = []
  for (const item of items) {
    const last = entries[entries.length - 1]
    if (item.group && last?.kind === 'group' && sameGroup(last.group, item.group)) (last.items as T[]).push(item)
    else if (item.group) entries.push({ kind: 'group', group: item.group, items: [item] })
    else entries.push({ kind: 'step', item })
  }
  return entries
}
