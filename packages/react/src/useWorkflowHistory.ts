import type { Workflow, WorkflowSnapshot } from '@flowkit/core'
import { getPersistApi } from '@flowkit/core/persist'
import { useEffect, useState } from 'react'
import { browserHistory, type HistoryAdapter } from './browserHistory'
import { historyEntries } from './historyEntries'

export interface UseWorkflowHistoryOptions {
  /** Where the step lives. Pass a stable object (module scope or `useMemo`): a new one rebinds. @default browserHistory() (the `?step=` query parameter) */
  readonly adapter?: HistoryAdapter
}

/** Moves the workflow to the step a location names: back to a visited step, or forward by resubmitting each step's draft. */
const follow = async (workflow: Workflow, target: string): Promise<void> => {
  let s = workflow.getSnapshot()
  // A finished flow is final: the back button or a reload must not reopen a placed order.
  if (s.status === 'done' || target === s.step) return
  if (s.history.includes(target)) {
    workflow.goTo(target)
    return
  }
  // Forward: the browser's forward button. Each step is completed again with what the user entered; stop at the first that fails.
  for (let hops = 0; s.status === 'idle' && s.step !== target && hops < Object.keys(workflow.definition.steps).length; hops++) {
    const from = s.step
    s = await workflow.next(s.drafts[from])
    if (s.step === from) return
  }
}

/**
 * Binds the flow to browser history: each step change adds a history entry, the back and forward
 * buttons move through the flow, a reload keeps the step in the URL, and a link to a step not yet
 * reachable lands on the furthest reachable step. Waits for persisted state to be restored first.
 * @example
 * const workflow = useWorkflow(checkout, { persist: { key: 'checkout' } })
 * useWorkflowHistory(workflow)
 */
export function useWorkflowHistory(workflow: Workflow<any, any>, { adapter: given }: UseWorkflowHistoryOptions = {}): void {
  const [fallback] = useState(() => (given ? null : browserHistory()))
  const adapter = given ?? (fallback as HistoryAdapter)
  useEffect(() => {
    let applying = 0
    let stopped = false
    let expectedPops = 0
    const entries = historyEntries(workflow.getSnapshot().step)
    const write = (mode: 'push' | 'replace') => {
      const { step } = workflow.getSnapshot()
      if (stopped || adapter.read() === step) return
      adapter.write(step, mode)
      entries[mode](step)
    }
    const apply = async (initial: boolean) => {
      const target = adapter.read()
      if (target !== null && Object.hasOwn(workflow.definition.steps, target)) {
        applying++
        try {
          // A deep link is not replayed: it lands on the step reached so far (the furthest reachable one).
          if (!initial || workflow.getSnapshot().history.includes(target)) await follow(workflow, target)
        } finally {
          applying--
        }
      }
      write('replace')
    }
    const onLocation = () => {
      // The flow's own Back moved the browser with go(-n): the workflow is already there.
      if (expectedPops > 0) {
        expectedPops--
        return
      }
      const target = adapter.read()
      if (target !== null) entries.follow(target)
      void apply(false)
    }
    const onChange = (s: WorkflowSnapshot, previous: WorkflowSnapshot) => {
      if (applying > 0 || s.step === previous.step) return
      const backwards = s.history.length < previous.history.length && previous.history.includes(s.step)
      const distance = backwards && adapter.go ? entries.distanceBack(s.step) : 0
      if (distance === 0) return write('push')
      expectedPops++
      entries.move(-distance)
      adapter.go?.(-distance)
    }
    let unlisten = () => {}
    let unsubscribe = () => {}
    const start = () => {
      if (stopped) return
      entries.replace(workflow.getSnapshot().step)
      void apply(true)
      unlisten = adapter.listen(onLocation)
      unsubscribe = workflow.store.subscribe(onChange)
    }
    const persist = getPersistApi(workflow)
    let unhydrated = () => {}
    if (persist && !persist.hasHydrated()) unhydrated = persist.onFinishHydration(start)
    else start()
    return () => {
      stopped = true
      unhydrated()
      unlisten()
      unsubscribe()
    }
  }, [workflow, adapter])
}
