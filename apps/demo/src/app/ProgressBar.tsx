import { progressText, useWorkflowState } from '@flowkit/react'

/**
 * "Step 3 of 6" and a bar, counting only the steps on the path the answers lead to.
 * The demo's own track-and-fill design, reading "at least 5" where `<WorkflowProgress>` says "~5".
 */
export function ProgressBar({ title }: { readonly title: string }) {
  const progress = useWorkflowState((s) => s.progress)
  const { position, total } = progress
  const label = progressText(progress).replace('~', 'at least ')
  return (
    <div className="progress" data-testid="progress">
      <div className="progress-label" aria-hidden="true">
        <span>{title}</span>
        <span>{label}</span>
      </div>
      <div
        className="progress-track"
        role="progressbar"
        aria-label={`${title}: ${label}`}
        aria-valuemin={0}
        aria-valuemax={total}
        aria-valuenow={position}
        aria-valuetext={label}
      >
        <div className="progress-fill" style={{ width: `${Math.round((position / Math.max(total, 1)) * 100)}%` }} />
      </div>
    </div>
  )
}
