import { defineWorkflow } from '@flowkit/core'
import { type HistoryAdapter, useWorkflow, useWorkflowHistory, WorkflowProvider, WorkflowStepper, WorkflowSteps } from '@flowkit/react'
import { useMemo, useSyncExternalStore } from 'react'
import { StateView } from '../ui/StateView.tsx'
import { StepFrame } from '../ui/StepFrame.tsx'

export const trip = defineWorkflow({
  id: 'trip',
  initial: 'where',
  state: {},
  steps: {
    where: { title: 'Where to?', next: 'when' },
    when: { title: 'When?', next: 'who' },
    who: { title: 'Who is travelling?', next: 'book' },
    book: { title: 'Book', final: true },
  },
})

/**
 * A history adapter kept in memory, so this example does not change the docs page's URL. In an app,
 * leave `adapter` out (the browser's `?step=` URL) or pass a router binding.
 */
export interface MemoryHistory extends HistoryAdapter {
  entries: string[]
  index: number
  go(delta: number): void
  subscribe(listener: () => void): () => void
}

export function memoryHistory(): MemoryHistory {
  const listeners = new Set<() => void>()
  const notify = () => {
    for (const listener of listeners) listener()
  }
  const memory = {
    entries: [] as string[],
    index: -1,
    read: () => memory.entries[memory.index] ?? null,
    write(step: string, mode: 'push' | 'replace') {
      // Like the browser: a push drops the entries after the current one; a replace rewrites the current one.
      const kept = memory.entries.slice(0, mode === 'push' ? memory.index + 1 : Math.max(memory.index, 0))
      memory.entries = [...kept, step]
      memory.index = memory.entries.length - 1
      notify()
    },
    listen(listener: () => void) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    go(delta: number) {
      memory.index = Math.min(Math.max(memory.index + delta, 0), memory.entries.length - 1)
      notify()
    },
    subscribe(listener: () => void) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
  }
  return memory
}

function AddressBar({ history }: { history: MemoryHistory }) {
  const at = useSyncExternalStore(
    history.subscribe,
    () => `${history.index}:${history.read()}`,
    () => '-1:null',
  )
  return (
    <p className="fk-address">
      <button type="button" onClick={() => history.go(-1)} disabled={history.index <= 0}>
        ← Browser back
      </button>{' '}
      <button type="button" onClick={() => history.go(1)} disabled={history.index >= history.entries.length - 1}>
        Browser forward →
      </button>{' '}
      <code>?step={at.split(':')[1]}</code>
    </p>
  )
}

const steps = {
  where: () => <StepFrame>Lisbon, of course.</StepFrame>,
  when: () => <StepFrame>In May.</StepFrame>,
  who: () => <StepFrame>Two adults.</StepFrame>,
  book: () => <StepFrame submitLabel="Book">Ready to book.</StepFrame>,
}

export function History() {
  const history = useMemo(memoryHistory, [])
  const workflow = useWorkflow(trip)
  useWorkflowHistory(workflow, { adapter: history })
  return (
    <WorkflowProvider workflow={workflow}>
      <AddressBar history={history} />
      <WorkflowStepper label="Trip steps (visited ones go back)" />
      <WorkflowSteps steps={steps} done={() => <p>Booked.</p>} />
      <StateView label="history" pick={(s) => s.history} />
    </WorkflowProvider>
  )
}
