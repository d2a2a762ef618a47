import { getDraft, setDraft } from '../kernel/drafts'
import type { RepeatSummary } from '../types'

type Moves = Pick<RepeatSummary, 'redoes' | 'walkInput' | 'draftsBack' | 'draftsAfter'>

/**
 * What a repeat's summary (step `id`) does to the drafts, and how a forward walk goes over it: the
 * remove-shift and its undoing, the record of how many items the user went on with (`{ items: n }`,
 * the summary's own draft) and what a walk gives the summary from it. `itemsIn` counts the items in a state,
 * `itemOf` tells the item a step belongs to (-1 for none).
 */
export const repeatDrafts = (
  { slots, max }: Pick<RepeatSummary, 'slots' | 'max'>,
  id: string,
  itemsIn: (state: object) => number,
  itemOf: (step: string) => number,
): Moves => ({
  redoes: (recorded, input) => {
    const command = actionOf(recorded)
    return (command === 'add' || command === 'continue') && actionOf(input) === command
  },
  walkInput: (state, drafts, { index, shift }, target) => {
    const count = itemsIn(state)
    // Going to a page of the next item (the browser's Forward after Back from a new item): add it.
    if (target !== undefined && count < max && itemOf(target) === count) return ADD
    const had = (getDraft(drafts, shift, index.get(id) as number) as { items?: unknown } | undefined)?.items
    // Items the user went on with last time; without that record, an item whose first answer is still in the drafts.
    if (typeof had === 'number') return count < Math.min(had, max) ? ADD : undefined
    const first = count < max ? slots[count]?.[0] : undefined
    return first !== undefined && getDraft(drafts, shift, index.get(first) as number) !== undefined ? ADD : undefined
  },
  draftsBack: (input, drafts, path, keys, state, target) => {
    // goTo a step before the repeat keeps the latest answers: a forward walk gives them again (check answers).
    if (target !== undefined && target !== id && itemOf(target) < 0) return drafts
    const at = keys.index.get(id) as number
    // An add taken back (Back from the new item's first page): the items there are are the ones the user
    // keeps, so a forward walk does not bring the abandoned one back from its drafts.
    if (actionOf(input) === 'add') return setDraft(drafts, keys.shift, at, { items: itemsIn(state) })
    const item = removed(input)
    if (item === undefined) return drafts
    // The items after the removed one move up again, and the removed one gets its answers on the path back.
    let out = copied(slots, item + 1, -1, drafts, keys)
    const own = slots[item] as readonly string[]
    for (const step of own) out = setDraft(out, keys.shift, keys.index.get(step) as number, undefined)
    for (let frame = path, left = own.length; frame && left > 0; frame = frame.prev) {
      const k = keys.index.get(frame.step) as number
      if (own.includes(frame.step) && getDraft(out, keys.shift, k) === undefined && frame.input !== undefined) {
        out = setDraft(out, keys.shift, k, frame.input)
        left--
      }
    }
    const had = (getDraft(drafts, keys.shift, at) as { items?: unknown } | undefined)?.items
    return typeof had === 'number' && had >= item ? setDraft(out, keys.shift, at, { items: had + 1 }) : out
  },
  draftsAfter: (input, drafts, keys, state) => {
    const item = removed(input)
    if (item !== undefined) {
      // The record of going on counts the items the latest answers hold: one fewer when it counted this one.
      const at = keys.index.get(id) as number
      const had = (getDraft(drafts, keys.shift, at) as { items?: unknown } | undefined)?.items
      const out = copied(slots, item, 1, drafts, keys)
      return typeof had === 'number' && had > item ? setDraft(out, keys.shift, at, { items: had - 1 }) : out
    }
    // Going on: how many items there were, so that going forward over the summary again adds back just those.
    if (actionOf(input) === 'continue') return setDraft(drafts, keys.shift, keys.index.get(id) as number, { items: itemsIn(state) })
    return drafts
  },
})

const ADD = Object.freeze({ action: 'add' as const })

/** The item a summary input removes, if it is a remove. */
const removed = (input: unknown): number | undefined => {
  const command = input as { action?: unknown; item?: unknown } | undefined
  return command?.action === 'remove' && typeof command.item === 'number' ? command.item : undefined
}

/** A summary input's command: `continue` for none (`undefined`, `null`, no `action`), as the summary takes it. */
const actionOf = (input: unknown): unknown => (input as { action?: unknown } | null | undefined)?.action ?? 'continue'

/**
 * `drafts` with each item from `first` on given the drafts of the item `offset` after it:
 * a remove's shift (offset 1: items first+1… move down one), or undoing it (offset -1: up one).
 */
const copied = (
  slots: RepeatSummary['slots'],
  first: number,
  offset: number,
  drafts: readonly unknown[],
  { index, shift }: Parameters<RepeatSummary['draftsAfter']>[2],
): readonly unknown[] => {
  let out = drafts
  for (let item = first; item < slots.length; item++) {
    const to = slots[item] as readonly string[]
    const from = slots[item + offset]
    for (let k = 0; k < to.length; k++) {
      const value = from ? getDraft(drafts, shift, index.get(from[k] as string) as number) : undefined
      const at = index.get(to[k] as string) as number
      if (getDraft(out, shift, at) !== value) out = setDraft(out, shift, at, value)
    }
  }
  return out
}
