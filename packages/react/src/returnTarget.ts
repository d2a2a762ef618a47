import type { Workflow, WorkflowSnapshot } from '@flowkit/core'
import { getPersistApi } from '@flowkit/core/persist'
import { afterSubmit } from './afterSubmit'
import { returnTo } from './returnTo'

/**
 * Where a "Change" link left from (a check-answers step), per workflow: submitting the changed step
 * goes back there. It ends when the flow arrives there (by any move), finishes, or is reset. It lives
 * in `sessionStorage` when the workflow is persisted, so a reload in the middle of a change still
 * returns to the check-answers page; without persistence a reload starts over, and so does it.
 */
export interface ReturnTarget {
  /** The step to return to, or `null`. */
  get(): string | null
  set(step: string | null): void
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
  let value: string | null = null
  try {
    const stored = storage?.getItem(key) ?? null
    value = stored !== null && stored in workflow.definition.steps ? stored : null
  } catch {}
  const listeners = new Set<() => void>()
  const set = (step: string | null) => {
    if (step === value) return
    value = step
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
    subscribe(listener) {
      listeners.add(listener)
      return () => void listeners.delete(listener)
    },
  }
  targets.set(workflow, target)
  afterSubmit.set(workflow, (from, snapshot) => returnTo(workflow, target, from, snapshot))
  return target
}
