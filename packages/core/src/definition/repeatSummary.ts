import { getDraft, setDraft } from '../kernel/drafts'
import type { RepeatSummary } from '../types'

/** A summary as data, with the choices of where it leads (what the kernel asks of it is made here, over any given). */
type Written = Pick<RepeatSummary, 'key' | 'min' | 'max' | 'flow' | 'slots' | 'entry' | 'exit'>

/**
 * A repeat's summary with what the kernel asks of it (see `RepeatSummary.ahead` and `draftsAfter`),
 * for the summary step `id`; `view` is that step's view of the flow's state, when the repeat is inside
 * a sub-flow or another repeat. Only `composeWorkflow` ships this: a flat flow predicts and keeps
 * drafts without it.
 */
export const repeatSummary = (written: Written, id: string, view?: (state: object) => object): RepeatSummary => {
  const { key, min, slots, exit } = written
  // Which item a step belongs to, made on first use: the layout fills `slots` after this summary is made.
  let itemOf: Map<string, number> | undefined
  const itemOfStep = (step: string) => {
    itemOf ??= new Map(slots.flatMap((steps, item) => steps.map((id): [string, number] => [id, item])))
    return itemOf.get(step) ?? -1
  }
  const itemsIn = (state: object): number => {
    const items = ((view ? view(state) : state) as Record<string, unknown>)[key]
    return Array.isArray(items) ? items.length : 0
  }
  return {
    ...written,
    // A repeat ahead: into the next item's steps while it has fewer than `min` (the walk follows them, their
    // branches and skips as the state gives them, and comes back here), else the summary once, then on past
    // it (not round its loop, which the unchanged state would take for ever).
    ahead: (state, visit, came) => {
      // The item the path comes from is on it already, though the state has no data of it before its first step is done.
      const from = Math.max(itemsIn(state), came === undefined ? 0 : itemOfStep(came) + 1)
      if (from < min) return { count: 0, after: written.entry(from) }
      visit?.(id)
      let after: string | undefined
      try {
        after = exit({ state, step: id })
      } catch {
        // The way on cannot be told yet (the repeat step's `next` needs answers not given).
      }
      return { count: 1, after }
    },
    redoes: (recorded, input) => {
      const command = actionOf(recorded)
      return (command === 'add' || command === 'continue') && actionOf(input) === command
    },
    walkInput: (state, drafts, { index, shift }) => {
      const count = itemsIn(state)
      const had = (getDraft(drafts, shift, index.get(id) as number) as { items?: unknown } | undefined)?.items
      // Items the user went on with last time; without that record, an item whose first answer is still in the drafts.
      if (typeof had === 'number') return count < Math.min(had, written.max) ? ADD : undefined
      const first = count < written.max ? slots[count]?.[0] : undefined
      return first !== undefined && getDraft(drafts, shift, index.get(first) as number) !== undefined ? ADD : undefined
    },
    draftsBack: (input, drafts, before, keys) => {
      const item = removed(input)
      if (item === undefined) return drafts
      const at = keys.index.get(id) as number
      return setDraft(copied(slots, item, before, 0, drafts, keys), keys.shift, at, getDraft(before, keys.shift, at))
    },
    draftsAfter: (input, drafts, keys, state) => {
      const item = removed(input)
      if (item !== undefined) {
        // The record of going on counts the items the latest answers hold: one fewer when it counted this one.
        const at = keys.index.get(id) as number
        const had = (getDraft(drafts, keys.shift, at) as { items?: unknown } | undefined)?.items
        const out = copied(slots, item, drafts, 1, drafts, keys)
        return typeof had === 'number' && had > item ? setDraft(out, keys.shift, at, { items: had - 1 }) : out
      }
      // Going on: how many items there were, so that going forward over the summary again adds back just those.
      if (actionOf(input) === 'continue') return setDraft(drafts, keys.shift, keys.index.get(id) as number, { items: itemsIn(state) })
      return drafts
    },
  }
}

const ADD = Object.freeze({ action: 'add' as const })

/** The item a summary input removes, if it is a remove. */
const removed = (input: unknown): number | undefined => {
  const command = input as { action?: unknown; item?: unknown } | undefined
  return command?.action === 'remove' && typeof command.item === 'number' ? command.item : undefined
}

/** A summary input's command: `continue` for none (`undefined`, `null`, no `action`), as the summary takes it. */
const actionOf = (input: unknown): unknown => (input as { action?: unknown } | null | undefined)?.action ?? 'continue'

/**
 * `drafts` with each item from `first` on given the drafts of the item `offset` after it in `source`:
 * a remove's shift (`source` the drafts, offset 1: items first+1… move down one), or undoing it
 * (`source` the drafts before the remove, offset 0).
 */
const copied = (
  slots: RepeatSummary['slots'],
  first: number,
  source: readonly unknown[],
  offset: number,
  drafts: readonly unknown[],
  { index, shift }: Parameters<RepeatSummary['draftsAfter']>[2],
): readonly unknown[] => {
  let out = drafts
  for (let item = first; item < slots.length; item++) {
    const to = slots[item] as readonly string[]
    const from = slots[item + offset]
    for (let k = 0; k < to.length; k++) {
      const value = from ? getDraft(source, shift, index.get(from[k] as string) as number) : undefined
      const at = index.get(to[k] as string) as number
      if (getDraft(out, shift, at) !== value) out = setDraft(out, shift, at, value)
    }
  }
  return out
}
