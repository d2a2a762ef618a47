import { chooseNext, skipReason } from '../kernel/choose'
import type { RepeatSummary, WorkflowDefinition } from '../types'
import { repeatDrafts } from './repeatDrafts'

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
  // Whether an item's steps always go on one way, every one shown (no guard, no skip): made on first use.
  let straight: boolean | undefined
  const straightIn = (definition: WorkflowDefinition) =>
    (straight ??= (slots[0] ?? []).every((step) => {
      const def = definition.steps[step]
      return !!def && !def.skip && typeof def.next === 'string'
    }))
  const itemsIn = (state: object): number => {
    const items = ((view ? view(state) : state) as Record<string, unknown>)[key]
    return Array.isArray(items) ? items.length : 0
  }
  return {
    ...written,
    // A repeat ahead: into the next item's steps while it has fewer than `min` (the walk follows them, their
    // branches and skips as the state gives them, and comes back here), else the summary once, then on past
    // it (not round its loop, which the unchanged state would take for ever).
    ahead: (state, visit, came, definition) => {
      // Passed over as a whole (the repeat's own skip, or its group's): on past it, not into an item.
      if (skipReason(definition, id, state) !== undefined) {
        const to = chooseNext(definition, id, state)
        if (itemOfStep(to) < 0) return { count: 0, after: to }
      }
      // The item the path comes from is on it already, though the state has no data of it before its first step is done.
      const from = Math.max(itemsIn(state), came === undefined ? 0 : itemOfStep(came) + 1)
      // An item that can branch or skip is walked, one way through it; a straight one is counted, not walked.
      if (from < min && !straightIn(definition)) return { count: 0, after: written.entry(from) }
      if (visit) for (let item = from; item < min; item++) for (const step of slots[item] ?? []) visit(step)
      visit?.(id)
      let after: string | undefined
      try {
        after = exit({ state, step: id })
      } catch {
        // The way on cannot be told yet (the repeat step's `next` needs answers not given).
      }
      return { count: Math.max(0, min - from) * (slots[0]?.length ?? 0) + 1, after }
    },
    ...repeatDrafts(written, id, itemsIn, itemOfStep),
  }
}
