import { useWorkflowState } from '@flowkit/react'

/**
 * "Step 3 of 6" and a bar, counting only the steps on the path the answers lead to; on phones, where the
 * stepper is hidden, one line says where the user is: "Step 3 of 6: Delivery".
 * The demo's own track-and-fill design and words: "Step 1 of at least 5" while a choice ahead is undecided
 * (the total a lower bound), where `<WorkflowProgress>` says "~5".
 */
export function ProgressBar({ title }: { readonly title: string }) {
  const { position, total, exact } = useWorkflowState((s) => s.progress)
  const label = `Step ${position} of ${exact ? '' : 'at least '}${total}`
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
