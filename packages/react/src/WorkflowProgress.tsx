import type { Progress } from '@flowkit/core'
import type { ReactNode } from 'react'
import { useWorkflowState } from './useWorkflowState'

export interface WorkflowProgressProps {
  /** Class of the progressbar element, or a function of the progress. */
  readonly className?: string | ((progress: Progress) => string | undefined)
  /** What to show inside; the default is `text`. */
  readonly children?: (progress: Progress & { readonly text: string }) => ReactNode
  /**
   * The words for the progress: the progressbar's `aria-valuetext` (what a screen reader says) and, without
   * `children`, what it shows.
   * @default progressText: "Step 2 of 5", "Step 2 of at least 5" while a choice ahead is undecided
   * @example
   * <WorkflowProgress text={(p) => `Question ${p.position} of ${p.exact ? '' : 'at least '}${p.total}`} />
   */
  readonly text?: (progress: Progress) => string
  /** The progressbar's accessible name, distinct from `<WorkflowStepper>`'s. @default 'Progress' */
  readonly label?: string
}

/**
 * "Step 2 of 5", or "Step 2 of at least 5" when a choice ahead is undecided and the total is a lower
 * bound: words a screen reader says as they are shown ("~5" would be read "tilde 5").
 */
export const progressText = ({ position, total, exact }: Progress): string => `Step ${position} of ${exact ? '' : 'at least '}${total}`

/**
 * An unstyled progressbar on the *predicted* path (skipped steps and branches not taken excluded).
 * @example
 * <WorkflowProgress>{(p) => <meter min={0} max={p.total} value={p.position}>{p.text}</meter>}</WorkflowProgress>
 */
export function WorkflowProgress({ className, children, label = 'Progress', text: wording = progressText }: WorkflowProgressProps) {
  const progress = useWorkflowState((s) => s.progress)
  const text = wording(progress)
  return (
    <div
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={progress.total}
      aria-valuenow={progress.position}
      aria-valuetext={text}
      className={typeof className === 'function' ? className(progress) : className}
    >
      {children ? children({ ...progress, text }) : text}
    </div>
  )
}
