import type { Progress } from '@flowkit/core'
import type { ReactNode } from 'react'
import { useWorkflowState } from './useWorkflowState'

export interface WorkflowProgressProps {
  /** Class of the progressbar element, or a function of the progress. */
  readonly className?: string | ((progress: Progress) => string | undefined)
  /** What to show inside; the default is the text "Step 2 of ~5" (`~` when the total is a lower bound). */
  readonly children?: (progress: Progress & { readonly text: string }) => ReactNode
  /** The progressbar's accessible name, distinct from `<WorkflowStepper>`'s. @default 'Progress' */
  readonly label?: string
}

/** "Step 2 of 5", or "Step 2 of ~5" when a choice ahead is undecided and the total is a lower bound. */
export const progressText = ({ position, total, exact }: Progress): string => `Step ${position} of ${exact ? '' : '~'}${total}`

/**
 * An unstyled progressbar on the *predicted* path (skipped steps and branches not taken excluded).
 * @example
 * <WorkflowProgress>{(p) => <meter min={0} max={p.total} value={p.position}>{p.text}</meter>}</WorkflowProgress>
 */
export function WorkflowProgress({ className, children, label = 'Progress' }: WorkflowProgressProps) {
  const progress = useWorkflowState((s) => s.progress)
  const text = progressText(progress)
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
