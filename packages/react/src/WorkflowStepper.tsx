import { stepTitle } from '@flowkit/core'
import type { ReactNode } from 'react'
import { useMemo } from 'react'
import { type StepperEntry, type StepperGroup, stepperEntries, stepperGroupsOf } from './stepperEntries'
import { useSelector } from './useSelector'
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
  /** The sub-flow or repeat the step belongs to (its outermost group); `undefined` for the flow's own steps. */
  readonly group?: StepperGroup
  /**
   * Every group the step belongs to, outermost first: sub-flows, repeats (a repeat's summary step belongs to its
   * repeat) and repeat items (after their repeat); empty for the flow's own steps.
   */
  readonly groups: readonly StepperGroup[]
}

/** A group entry of the stepper: consecutive steps of one sub-flow, repeat or repeat item. */
export interface StepperGroupItem<K extends string = string> {
  readonly group: StepperGroup
  /** `'current'` when one of its steps is. */
  readonly status: StepperItem['status']
  /** Its steps, in path order. */
  readonly items: readonly StepperItem<K>[]
}

export interface WorkflowStepperProps<K extends string = string> {
  /** Class of the `<ol>`. */
  readonly className?: string
  /** Class of each `<li>`, e.g. `(item) => item.status`. */
  readonly itemClassName?: (item: StepperItem<K>) => string | undefined
  /** What each `<li>` contains. The default: a button to jump back for visited steps, the title otherwise. */
  readonly children?: (item: StepperItem<K>) => ReactNode
  /** Class of a group's `<li>` (a sub-flow or repeat item), e.g. `(g) => `group group--${g.status}``. */
  readonly groupClassName?: (group: StepperGroupItem<K>) => string | undefined
  /** Accessible name of the list, distinct from `<WorkflowProgress>`'s. @default 'Steps' */
  readonly label?: string
}

/**
 * An ordered list of the path: done, current (`aria-current="step"`) and predicted upcoming steps.
 * Skipped steps are absent; visited steps are buttons that go back to them. Consecutive steps of a
 * sub-flow are one entry titled by the group ("Billing address"), whose steps are listed in a nested `<ol>`
 * while one of them is current, and collapsed otherwise. A repeat is one entry too ("Dependants"): while
 * current it lists an entry per item ("Dependants 1", "Dependants 2", each with its steps while current)
 * and its summary step once, where the path last visits it.
 * @example
 * <WorkflowStepper itemClassName={(item) => `step step--${item.status}`} />
 */
export function WorkflowStepper<K extends string = string>({
  className,
  itemClassName,
  groupClassName,
  children,
  label = 'Steps',
}: WorkflowStepperProps<K>) {
  const { workflow } = useWorkflowContext(process.env.NODE_ENV !== 'production' && '<WorkflowStepper>')
  // Only references the engine keeps across keystrokes: typing in a step does not re-render the stepper.
  const history = useSelector(workflow, (s) => s.history)
  const upcoming = useSelector(workflow, (s) => s.upcoming)
  const done = useSelector(workflow, (s) => s.status === 'done')
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
        ...withGroups(stepperGroupsOf(workflow.definition, id)),
      }
    })
  }, [workflow, history, upcoming, done])
  const leaf = (item: StepperItem<K>) => (
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
  )
  return (
    <ol className={className} aria-label={label}>
      {entriesOf(items, 0, leaf, groupClassName)}
    </ol>
  )
}

/** The entries of `items` at `depth` (0: the outermost groups): a leaf per step, a group entry per run of one group. */
const entriesOf = <K extends string>(
  items: readonly StepperItem<K>[],
  depth: number,
  leaf: (item: StepperItem<K>) => ReactNode,
  groupClassName: WorkflowStepperProps<K>['groupClassName'],
): ReactNode[] =>
  stepperEntries(items, depth).map((entry) => (entry.kind === 'step' ? leaf(entry.item) : groupEntry(entry, depth, leaf, groupClassName)))

const withGroups = (groups: readonly StepperGroup[]) => (groups[0] ? { groups, group: groups[0] } : { groups })

/**
 * A group's `<li>`: its title (a button back to its first step once visited) and, while current, its steps, with a
 * sub-flow inside it as an entry of its own (`depth` is the group's level, 0 the outermost).
 */
const groupEntry = <K extends string>(
  entry: Extract<StepperEntry<StepperItem<K>>, { kind: 'group' }>,
  depth: number,
  leaf: (item: StepperItem<K>) => ReactNode,
  groupClassName: WorkflowStepperProps<K>['groupClassName'],
): ReactNode => {
  const { group, items } = entry
  const first = items[0] as StepperItem<K>
  const status = items.some((i) => i.status === 'current') ? 'current' : items.every((i) => i.status === 'done') ? 'done' : 'upcoming'
  return (
    <li key={`${first.position}:${group.step}:${group.item ?? ''}`} className={groupClassName?.({ group, status, items })}>
      {first.canJump && status !== 'current' ? (
        <button type="button" onClick={first.jump}>
          {group.title}
        </button>
      ) : (
        group.title
      )}
      {status === 'current' ? <ol aria-label={group.title}>{entriesOf(items, depth + 1, leaf, groupClassName)}</ol> : null}
    </li>
  )
}
