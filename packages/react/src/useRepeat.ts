import type { Workflow, WorkflowSnapshot } from '@flowkit/core'
import { settled, stepTitle } from '@flowkit/core'
import { useContext, useMemo } from 'react'
import { fail } from './fail'
import { returnTargetOf } from './returnTarget'
import { type RepeatSummary, repeatGroupOf, repeatItemsOf, summaryOf } from './stepGroup'
import { useKnownStep } from './useKnownStep'
import { useSelector } from './useSelector'
import { StepContext } from './WorkflowContext'

/** A repeat's items and the moves of its summary step: see `useRepeat`. */
export interface RepeatApi<T = Record<string, any>> {
  /** The summary step's id, e.g. `'dependants'`. */
  readonly step: string
  /** The summary step's title, or its id. */
  readonly title: string
  /** The items so far (`state[repeat.key]`, in the sub-flow's data for a repeat inside one). */
  readonly items: readonly T[]
  readonly count: number
  /** `repeat.min` and `repeat.max`. */
  readonly min: number
  readonly max: number
  /** Fewer items than `max`: `add()` can start another. */
  readonly canAdd: boolean
  /** At least `min` items: `continue()` goes on. */
  readonly canContinue: boolean
  /** The summary is the current step. */
  readonly current: boolean
  /** Asks the item steps for a new item. */
  add(): Promise<WorkflowSnapshot>
  /**
   * Asks item `item`'s steps again, prefilled with its answers. With `step` (one of that item's steps,
   * `'dependants.1.birthDate'`), it opens the item at that step, through the item's answers before it
   * (a step on the way with no answer yet stops it there): a check-answers page's "Change" link for
   * one answer of an item. During a check-answers change (`useCheckAnswers`), an item opened whole shows
   * each of its pages before the way back; one opened at a step returns from that step. A step the
   * item's answers skip opens the item at its first page. Rejects with `INVALID_OPTION` for a step that
   * is not one of item `item`'s, and moves nothing.
   */
  change(item: number, step?: string): Promise<WorkflowSnapshot>
  /** Removes item `item` and stays on the summary. */
  remove(item: number): Promise<WorkflowSnapshot>
  /** Leaves the summary for the repeat step's `next`. */
  continue(): Promise<WorkflowSnapshot>
}

/** The repeat's summary step and summary for `step` (a summary or one of its item steps), or a clear error. */
const resolve = (workflow: Workflow, step: string): { id: string; summary: RepeatSummary } => {
  const definition = workflow.definition
  const id = summaryOf(definition, step) ? step : repeatGroupOf(definition, step)?.step
  const summary = id === undefined ? undefined : summaryOf(definition, id)
  if (id === undefined || !summary) {
    const repeats = Object.keys(definition.steps).filter((s) => summaryOf(definition, s))
    return fail(
      'INVALID_OPTION',
      process.env.NODE_ENV !== 'production' &&
        `useRepeat(): step '${step}' of workflow '${definition.id}' is not a repeat's summary step or one of its items; ${
          repeats.length ? `its repeats: ${repeats.join(', ')}` : 'it has no repeat: steps'
        }. Pass a repeat step's id, e.g. useRepeat('${repeats[0] ?? 'dependants'}').`,
    )
  }
  return { id, summary }
}

const noStep = (): never =>
  fail(
    'NO_STEP',
    process.env.NODE_ENV !== 'production' &&
      "useRepeat() without a step id must be used in a repeat's summary step; elsewhere pass its id: useRepeat('dependants').",
  )

/** Submits `input` on the summary; from another step it first goes there (`goTo`), and stops if that was blocked. */
const onSummary = async (workflow: Workflow, id: string, input: unknown): Promise<WorkflowSnapshot> => {
  const now = workflow.getSnapshot()
  if (now.step !== id || now.status === 'done') {
    // Forward to the summary may pass async steps (the walk is busy until it stops): where it stopped decides.
    const moved = await settled(workflow, workflow.goTo(id))
    if (moved.step !== id || moved.status === 'done') return moved
  }
  return workflow.next(input)
}

/** Opens item `item` from the summary, then, given one of its steps, goes on through the item's answers to it. */
const changeAt = async (workflow: Workflow, id: string, summary: RepeatSummary, item: number, step?: string): Promise<WorkflowSnapshot> => {
  const steps = summary.slots[item]
  if (step !== undefined && !steps?.includes(step)) {
    return fail(
      'INVALID_OPTION',
      process.env.NODE_ENV !== 'production' &&
        `useRepeat('${id}').change(${item}, '${step}'): '${step}' is not a step of item ${item}${
          steps ? `; its steps are ${steps.join(', ')}` : ` (the repeat has room for ${summary.slots.length} items)`
        }.`,
    )
  }
  // Opened whole, its pages are shown in turn on a check-answers change's way back; at one answer, it returns from there.
  // Only during a check-answers change (a reload keeps it beside the change's target): else nothing returns anywhere.
  const target = returnTargetOf(workflow)
  target.setItem(step === undefined && target.get() !== null ? steps : undefined)
  const at = await onSummary(workflow, id, { action: 'change', item })
  // A step the item's answers pass over (skipped: not on the path predicted, a prediction with no open choice) is not
  // there to open: the item opens at its first page instead.
  if (step === undefined || !steps?.includes(at.step) || step === at.step || (at.progress.exact && !at.upcoming.includes(step))) return at
  // Forward even though the item's steps were visited before: a plain goTo would go back to that visit.
  return settled(workflow, workflow.goTo(step, { forward: true }))
}

/**
 * A repeat ("add another") from its summary step: the items, their bounds, and `add`, `change`,
 * `remove`, `continue`, which submit the summary's input. Without an id it uses the current step (the
 * summary or one of its items). With an id it works from any step: `useRepeat('dependants').change(1)`
 * on a check-answers page goes back to the summary and opens item 1. Throws `INVALID_OPTION` when the
 * step is not part of a repeat.
 * @example
 * const { items, canAdd, add, change, remove, continue: next } = useRepeat<{ name: string }>()
 */
export function useRepeat<T = Record<string, any>>(step?: string): RepeatApi<T> {
  const current = useContext(StepContext)
  const asked = step ?? current
  const workflow = useKnownStep(asked === null ? [] : [asked], process.env.NODE_ENV !== 'production' && 'useRepeat()')
  const { id, summary } = asked === null ? noStep() : resolve(workflow, asked)
  // The same array while the items are unchanged (an empty one is shared), so the selector re-renders only on a change.
  const items = useSelector(workflow, (s) => repeatItemsOf(workflow.definition, id, summary, s.state)) as readonly T[]
  const here = useSelector(workflow, (s) => s.step === id && s.status !== 'done')
  const moves = useMemo(
    () => ({
      add: () => onSummary(workflow, id, { action: 'add' }),
      change: (item: number, step?: string) => changeAt(workflow, id, summary, item, step),
      remove: (item: number) => onSummary(workflow, id, { action: 'remove', item }),
      continue: () => onSummary(workflow, id, { action: 'continue' }),
    }),
    [workflow, id, summary],
  )
  return {
    step: id,
    title: stepTitle(workflow.definition, id),
    items,
    count: items.length,
    min: summary.min,
    max: summary.max,
    canAdd: items.length < summary.max,
    canContinue: items.length >= summary.min,
    current: here,
    ...moves,
  }
}
