import type { Workflow, WorkflowSnapshot } from '@flowkit/core'
import { getPersistApi } from '@flowkit/core/persist'
import { useEffect, useState } from 'react'
import { browserHistory, type HistoryAdapter } from './browserHistory'
import { type HistoryEntry, historyEntries, sessionEntries } from './historyEntries'

export interface UseWorkflowHistoryOptions {
  /** Where the step lives. Pass a stable object (module scope or `useMemo`): a new one rebinds. @default browserHistory() (the `?step=` query parameter) */
  readonly adapter?: HistoryAdapter
}

/**
 * Moves the workflow to the step a location names: back to a visited step, or forward (the browser's
 * forward button) by completing the steps in between again with what the user entered, through the
 * engine's own `run(drafts, { until })`. `hops` is how many steps forward the target was when this tab
 * was there (0 when unknown); at most that many are completed, so a changed answer that takes the flow
 * elsewhere stops the run instead of completing steps nobody submitted again.
 */
const follow = async (workflow: Workflow, target: string, hops: number, forward = false): Promise<void> => {
  const s = workflow.getSnapshot()
  // A finished flow is final: the back button or a reload must not reopen a placed order.
  if (s.status === 'done' || target === s.step) return
  // `forward`: the entry is ahead on this tab's (keyed) entries, so on even to a step also behind (a repeat's summary
  // is visited before each item), not back to its earlier visit.
  if (s.history.includes(target) && !forward) {
    workflow.goTo(target)
    return
  }
  const maxSteps = hops > 0 ? hops : s.upcoming.indexOf(target) + 1
  if (maxSteps > 0) await workflow.run(s.drafts, { until: target, maxSteps })
}

const newKey = () => Math.random().toString(36).slice(2, 10)

type Change = readonly [WorkflowSnapshot, WorkflowSnapshot]

/**
 * The flow's own moves back through the browser (`go(-n)`), which the browser makes later, and the step
 * changes made in the meantime: those wait until it got there, then are written in order. Written at once,
 * a push would be undone by the traversal, leaving the URL on another step than the flow and the entries
 * out of step with the browser's (a Change link that goes back, then forward at once).
 */
const traversals = (mirror: (change: Change) => void) => {
  let expected = 0
  const queued: Change[] = []
  // A change may start another traversal: the rest wait for that one.
  const drain = () => {
    while (expected === 0 && queued.length > 0) mirror(queued.shift() as Change)
  }
  return {
    started: () => void expected++,
    /** A step change: mirrored now, or after the traversal under way. */
    changed: (change: Change) => (expected > 0 ? void queued.push(change) : mirror(change)),
    /** A location change: true when it is the end of one of these traversals (the workflow is already there). */
    arrived(): boolean {
      if (expected === 0) return false
      expected--
      if (expected === 0) drain()
      return true
    },
  }
}

/** The binding of one workflow to one adapter, from its start (once persisted state is read) to its stop. */
const bind = (workflow: Workflow, adapter: HistoryAdapter) => {
  let applying = 0
  let stopped = false
  const here = (): HistoryEntry => ({ step: workflow.getSnapshot().step, key: adapter.key?.() ?? null })
  const store = adapter.key ? sessionEntries(`flowkit:history:${workflow.definition.id}`) : undefined
  // This tab wrote the location's entry before a reload: its step is where the flow was then, not a link to follow.
  // When the restored flow is elsewhere (another device or tab moved it on meanwhile), the flow wins.
  const location = { step: adapter.read(), key: adapter.key?.() ?? null }
  const reloaded = location.key !== null && !!store?.load()?.entries.some((e) => e.key === location.key && e.step === location.step)
  const entries = historyEntries(here(), store)
  const write = (mode: 'push' | 'replace', step = workflow.getSnapshot().step) => {
    // An entry without a key gets one, so that it is found again after a reload.
    if (stopped || (adapter.read() === step && (!adapter.key || adapter.key() !== null))) return
    const key = newKey()
    adapter.write(step, mode, key)
    entries[mode]({ step, key })
  }
  const apply = async (initial: boolean, hops = 0, forward = false) => {
    const target = adapter.read()
    if (target !== null && Object.hasOwn(workflow.definition.steps, target)) {
      applying++
      try {
        // A deep link is not replayed: it lands on the step reached so far (the furthest reachable one).
        if (!initial || (!reloaded && workflow.getSnapshot().history.includes(target))) await follow(workflow, target, hops, forward)
      } finally {
        applying--
      }
    }
    write('replace')
  }
  /** Mirrors one step change on the browser: back to the entry it came from when there is one, else a new entry. */
  const mirror = ([s, previous]: Change) => {
    const backwards = s.history.length < previous.history.length && previous.history.includes(s.step)
    const distance = backwards && adapter.go ? entries.distanceBack(s.step) : 0
    if (distance === 0) return write('push', s.step)
    pending.started()
    entries.move(-distance)
    adapter.go?.(-distance)
  }
  const pending = traversals(mirror)
  const onLocation = () => {
    // The flow's own Back moved the browser with go(-n): the workflow is already there.
    if (pending.arrived()) return
    const step = adapter.read()
    if (step === null) return void apply(false)
    // Where the target was on this tab's entries, seen from the workflow's step, before following it.
    const key = adapter.key?.() ?? null
    const ahead = entries.aheadByKey(key)
    const hops = ahead || entries.distanceForward(step)
    entries.follow({ step, key })
    void apply(false, hops, ahead > 0)
  }
  const onChange = (s: WorkflowSnapshot, previous: WorkflowSnapshot) => {
    if (applying > 0 || s.step === previous.step) return
    pending.changed([s, previous])
  }
  void apply(true)
  const unlisten = adapter.listen(onLocation)
  const unsubscribe = workflow.store.subscribe(onChange)
  return () => {
    stopped = true
    unlisten()
    unsubscribe()
  }
}

/**
 * Binds the flow to browser history: each step change adds a history entry, the back and forward
 * buttons move through the flow, a reload keeps the step in the URL (and the flow's own Back keeps
 * stepping back through the entries), and a link to a step not yet reachable lands on the furthest
 * reachable step. Waits for persisted state to be restored first.
 * @example
 * const workflow = useWorkflow(checkout, { persist: persist({ key: 'checkout' }) })
 * useWorkflowHistory(workflow)
 */
export function useWorkflowHistory(workflow: Workflow<any, any>, { adapter: given }: UseWorkflowHistoryOptions = {}): void {
  const [fallback] = useState(() => (given ? null : browserHistory()))
  const adapter = given ?? (fallback as HistoryAdapter)
  useEffect(() => {
    let unbind: (() => void) | undefined
    let stopped = false
    const start = () => {
      // Once: a later rehydration (another tab or device) must not bind again and replay the URL over it.
      if (!stopped && !unbind) unbind = bind(workflow, adapter)
    }
    const persist = getPersistApi(workflow)
    let unhydrated = () => {}
    if (persist && !persist.hasHydrated()) unhydrated = persist.onFinishHydration(start)
    else start()
    return () => {
      stopped = true
      unhydrated()
      unbind?.()
    }
  }, [workflow, adapter])
}
