import { progressText, useWorkflowState, WorkflowProgress } from '@flowkit/react'

/**
 * "Step 3 of 6" and a bar (`<WorkflowProgress>`, "Step 1 of at least 5" while a choice ahead is undecided, with a track-and-fill design), counting only
 * the steps on the path the answers lead to; on phones, where the stepper is hidden, one line says where the
 * user is: "Step 3 of 6: Delivery".
 */
export function ProgressBar({ title }: { readonly title: string }) {
  const label = useWorkflowState((s) => progressText(s.progress))
  return (
    <div className="progress" data-testid="progress">
      {/* Wide: the step's title left, the count right. Phones: one line, "Step 3 of 5: Delivery", in place of the stepper. */}
      <div className="progress-label" aria-hidden="true">
        <span className="progress-title">{title}</span>
        <span className="progress-count">{label}</span>
        <span className="progress-compact" data-testid="progress-compact">
          {label}: {title}
        </span>
      </div>
      <WorkflowProgress className="progress-track" label={`${title}: ${label}`}>
        {({ position, total }) => (
          <div className="progress-fill" style={{ width: `${Math.round((position / Math.max(total, 1)) * 100)}%` }} />
        )}
      </WorkflowProgress>
    </div>
  )
}
