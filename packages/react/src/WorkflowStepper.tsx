import type { ReactNode } from 'react'
import { useMemo } from 'react'
import { useStore } from 'zustand'
import { stepTitle } from './stepTitle'
import { useWorkflowContext } from './WorkflowContext'

/** One step in the stepper. */
export interface StepperItem<K extends string = string> {
  readonly step: K
  readonly title: string
  /** 1-based position on the path. */
  readonly position: number
  readonly status: 'done' | 'current' | 'upcoming'
  /** A visited step the user can return to (`goTo`); not the current one. */
  readonly canJump: boolean
  /** Returns to this step (visited steps only). */
  jump(): void
}

export interface WorkflowStepperProps<K extends string = string> {
  /** Class of the `<ol>`. */
  readonly className?: string
  /** Class of each `<li>`, e.g. `(item) => item.status`. */
  readonly itemClassName?: (item: StepperItem<K>) => string | undefined
  /** What each `<li>` contains. The default: a button to jump back for visited steps, the title otherwise. */
  readonly children?: (item: StepperItem<K>) => ReactNode
  /** Accessible name of the list, distinct from `<WorkflowProgress>`'s. @default 'Steps' */
  readonly label?: string
}

/**
 * An ordered list of the path: done, current (`aria-current="step"`) and predicted upcoming steps.
 * Skipped steps are absent; visited steps are buttons that go back to them.
 * @example
 * <WorkflowStepper itemClassName={(item) => `step step--${item.status}`} />
 */
export function WorkflowStepper<K extends string = string>({
  className,
  itemClassName,
  children,
  label = 'Steps',
}: WorkflowStepperProps<K>) {
  const { workflow } = useWorkflowContext('<WorkflowStepper>')
  // Only references the engine keeps across keystrokes: typing in a step does not re-render the stepper.
  const history = useStore(workflow.store, (s) => s.history)
  const upcoming = useStore(workflow.store, (s) => s.upcoming)
  const done = useStore(workflow.store, (s) => s.status === 'done')
  const items = useMemo(() => {
    const path = [...history, ...upcoming]
    return path.map((id, i): StepperItem<K> => {
      const status = i < history.length - (done ? 0 : 1) ? 'done' : i === history.length - 1 && !done ? 'current' : 'upcoming'
      return {
        step: id as K,
        title: stepTitle(workflow.definition, id),
        position: i + 1,
        status,
        canJump: status === 'done',
        jump: () => void workflow.goTo(id),
      }
    })
  }, [workflow, history, upcoming, done])
  return (
    <ol className={className} aria-label={label}>
      {items.map((item) => (
        <li
          key={`${item.position}:${item.step}`}
          className={itemClassName?.(item)}
          aria-current={item.status === 'current' ? 'step' : undefined}
        >
          {children ? (
            children(item)
          ) : item.canJump ? (
            <button type="button" onClick={item.jump}>
              {item.title}
            </button>
          ) : (
            item.title
          )}
        </li>
      ))}
    </ol>
  )
}
