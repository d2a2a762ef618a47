import type { Workflow, WorkflowSnapshot } from '@flowkit/core'
import { getPersistApi } from '@flowkit/core/persist'
import { afterSubmit } from './afterSubmit'
import { returnTo } from './returnTo'

/**
 * Where a "Change" link left from (a check-answers step), per workflow: submitting the changed step
 * goes back there. It ends when the flow arrives there (by any move), finishes, or is reset. It lives
 * in `sessionStorage` when the workflow is persisted, so a reload in the middle of a change still
 * returns to the check-answers page (and still shows the rest of a repeat item opened whole); without
 * persistence a reload starts over, and so does it.
 */
export interface ReturnTarget {
  /** The step to return to, or `null`. */
  get(): string | null
  set(step: string | null): void
  /**
   * The steps of the repeat item opened whole from its summary during the change (`useRepeat().change(item)`):
   * they are shown in turn before the way back, as a sub-flow's pages are. Kept beside the target, so a
   * reload in the middle of the item still shows its remaining pages.
   */
  item(): readonly string[] | undefined
  setItem(steps: readonly string[] | undefined): void
  subscribe(listener: () => void): () => void
}

const targets = new WeakMap<Workflow, ReturnTarget>()

/** The flow has answers: a reset (or a fresh start) leaves it on its first step with none. */
const answered = (s: WorkflowSnapshot): boolean => s.history.length > 1 || Object.keys(s.drafts).length > 0

const session = (): Storage | undefined => {
  try {
    return typeof sessionStorage === 'undefined' ? undefined : sessionStorage
  } catch {
    return undefined // storage blocked (Safari private mode, sandboxed frames): the change lasts for the page only
  }
}

/** The return target of `workflow`, made on first use. */
export const returnTargetOf = (workflow: Workflow): ReturnTarget => {
  const known = targets.get(workflow)
  if (known) return known
  const persist = getPersistApi(workflow)
  const storage = persist ? session() : undefined
  // After the persisted copy's own key, so two persisted instances of one definition keep their own.
  const name = (persist as { getOptions?: () => { name?: string } } | undefined)?.getOptions?.().name ?? workflow.definition.id
  const key = `flowkit:${name}:return-to`
  const itemKey = `flowkit:${name}:return-item`
  const isStep = (step: unknown): step is string => typeof step === 'string' && Object.hasOwn(workflow.definition.steps, step)
  let value: string | null = null
  let item: readonly string[] | undefined
  try {
    const stored = storage?.getItem(key) ?? null
    value = isStep(stored) ? stored : null
    let steps: unknown
    try {
      steps = value === null ? undefined : JSON.parse(storage?.getItem(itemKey) ?? 'null')
    } catch {}
    item = Array.isArray(steps) && steps.length > 0 && steps.every(isStep) ? steps : undefined
    // Only what this definition could have written is kept: anything else (an older version's steps, an edit) is dropped.
    if (value === null && stored !== null) storage?.removeItem(key)
    if (item === undefined) storage?.removeItem(itemKey)
  } catch {}
  const listeners = new Set<() => void>()
  const setItem = (steps: readonly string[] | undefined) => {
    item = steps
    try {
      if (steps === undefined) storage?.removeItem(itemKey)
      else storage?.setItem(itemKey, JSON.stringify(steps))
    } catch {}
  }
  const set = (step: string | null) => {
    if (step === value) return
    value = step
    if (step === null && item !== undefined) setItem(undefined)
    try {
      if (step === null) storage?.removeItem(key)
      else storage?.setItem(key, step)
    } catch {}
    for (const listener of listeners) listener()
  }
  /** Ends the change once it has nothing left to return to. Before a persisted flow is restored it cannot tell, so it waits. */
  const check = (s: WorkflowSnapshot) => {
    if (value === null) return
    if (s.status === 'done' || (s.step === value && s.status === 'idle')) set(null)
    else if (!answered(s) && (!persist || persist.hasHydrated())) set(null)
  }
  // The store's own subscription: `workflow.destroy()` (a StrictMode remount) leaves it in place.
  workflow.store.subscribe((s) => check(s))
  persist?.onFinishHydration(check)
  check(workflow.getSnapshot())
  const target: ReturnTarget = {
    get: () => value,
    set,
    item: () => item,
    setItem,
    subscribe(listener) {
      listeners.add(listener)
      return () => void listeners.delete(listener)
    },
  }
  targets.set(workflow, target)
  afterSubmit.set(workflow, (from, snapshot) => returnTo(workflow, target, from, snapshot))
  return target
}
