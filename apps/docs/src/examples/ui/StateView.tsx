import type { WorkflowSnapshot } from '@flowkit/core'
import { useWorkflowState } from '@flowkit/react'

/** Shows a slice of the snapshot as JSON, so readers see what the engine holds while they click. */
export function StateView({ label, pick }: { label: string; pick: (snapshot: WorkflowSnapshot) => unknown }) {
  const json = useWorkflowState((s) => JSON.stringify(pick(s), null, 1))
  return (
    <div className="fk-state">
      <p>{label}</p>
      <pre>{json}</pre>
    </div>
  )
}
