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
  /**
   * 1-based position of the step on the whole path (visited, then predicted), every step of a sub-flow or
   * repeat counted: `1` Basket, `2` and `3` the shipping address's two steps, `4` Delivery. Use `number` for
   * the number to show in the list.
   */
  readonly position: number
  /**
   * 1-based number of the entry the step is shown as, in the list it is shown in: the top-level list counts
   * a sub-flow or repeat as one entry (`1` Basket, `2` Shipping address, `3` Delivery), so numbers are
   * consecutive as displayed; a group's nested list counts from 1 again. A step inside a nested group has
   * that group's number.
   */
  readonly number: number
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

/** A step of the path before it is numbered in a list. */
type PathItem<K extends string> = Omit<StepperItem<K>, 'number'>

/** A group entry of the stepper: consecutive steps of one sub-flow, repeat or repeat item. */
export interface StepperGroupItem<K extends string = string> {
  readonly group: StepperGroup
  /** The group's title (`group.title`): "Shipping address", "Dependants 2". */
  readonly title: string
  /** 1-based number of the entry in the list it is shown in, as `StepperItem.number`. */
  readonly number: number
  /** `'current'` when one of its steps is; `'done'` when all of them are (a finished sub-flow), as for a step; else `'upcoming'`. */
  readonly status: StepperItem['status']
  /** Its first step was visited and the group is not current: `jump()` returns to that step. */
  readonly canJump: boolean
  /** Returns to the group's first step (when `canJump`). */
  jump(): void
  /** Its steps, in path order; each `number` is the one of its entry in the group's nested list. */
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
  /**
   * What a group's `<li>` shows before its nested list, as `children` for a step. The default: a button back to
   * its first step once visited (`canJump`), the title otherwise.
   * @example
   * <WorkflowStepper groupChildren={(g) => <>{g.status === 'done' ? '✓' : g.number} {g.title}</>} />
   */
  readonly groupChildren?: (group: StepperGroupItem<K>) => ReactNode
  /** Accessible name of the list, distinct from `<WorkflowProgress>`'s. @default 'Steps' */
  readonly label?: string
}

/**
 * An ordered list of the path: done, current (`aria-current="step"`) and predicted upcoming steps.
 * Skipped steps are absent; visited steps are buttons that go back to them. Consecutive steps of a
 * sub-flow are one entry titled by the group ("Billing address"), whose steps are listed in a nested `<ol>`
 * while one of them is current, and collapsed otherwise. A repeat is one entry too ("Dependants"): while
 * current it lists an entry per item ("Dependants 1", "Dependants 2", each with its steps while current)
 * and its summary step once, where the path last visits it. A group entry is `'done'` once all its steps are, as a
 * finished step is; `groupChildren` draws it as `children` draws a step. Entries are numbered as listed (`number`,
 * 1..n per list, a group counting once); `position` is the step's place on the whole path.
 * @example
 * <WorkflowStepper itemClassName={(item) => `step step--${item.status}`} />
 */
export function WorkflowStepper<K extends string = string>({
  className,
  itemClassName,
  groupClassName,
  groupChildren,
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
    return path.map((id, i): PathItem<K> => {
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
      {entriesOf(items, 0, { leaf, groupClassName, groupChildren })}
    </ol>
  )
}

/** How `WorkflowStepper` draws a step's and a group's `<li>`. */
interface Draw<K extends string> {
  readonly leaf: (item: StepperItem<K>) => ReactNode
  readonly groupClassName: WorkflowStepperProps<K>['groupClassName']
  readonly groupChildren: WorkflowStepperProps<K>['groupChildren']
}

/** The entries of `items` at `depth` (0: the outermost groups), numbered 1..n as listed: a leaf per step, a group entry per run of one group. */
const entriesOf = <K extends string>(items: readonly PathItem<K>[], depth: number, draw: Draw<K>): ReactNode[] =>
  stepperEntries(items, depth).map((entry, i) =>
    entry.kind === 'step' ? draw.leaf({ ...entry.item, number: i + 1 }) : groupEntry(entry, i + 1, depth, draw),
  )

const withGroups = (groups: readonly StepperGroup[]) => (groups[0] ? { groups, group: groups[0] } : { groups })

/** `items` of a group with the numbers of the entries they are shown as in its nested list (an earlier visit of a repeat's summary: its last one's). */
const numberedIn = <K extends string>(items: readonly PathItem<K>[], depth: number): StepperItem<K>[] => {
  const numbers = new Map<string | number, number>()
  stepperEntries(items, depth).forEach((entry, i) => {
    for (const item of entry.kind === 'step' ? [entry.item] : entry.items) numbers.set(item.position, i + 1).set(item.step, i + 1)
  })
  return items.map((item) => ({ ...item, number: numbers.get(item.position) ?? numbers.get(item.step) ?? 0 }))
}

/** A group's status from its steps': current when one is, done when all are (a finished sub-flow), else upcoming. */
const statusOf = (items: readonly PathItem<string>[]): StepperItem['status'] =>
  items.some((i) => i.status === 'current') ? 'current' : items.every((i) => i.status === 'done') ? 'done' : 'upcoming'

/**
 * A group's `<li>`: its title (a button back to its first step once visited; a repeat's, to its summary) and, while current, its steps, with a
 * sub-flow inside it as an entry of its own (`depth` is the group's level, 0 the outermost).
 */
const groupEntry = <K extends string>(
  entry: Extract<StepperEntry<PathItem<K>>, { kind: 'group' }>,
  number: number,
  depth: number,
  draw: Draw<K>,
): ReactNode => {
  const { group, items } = entry
  const first = items[0] as PathItem<K>
  // A repeat as a whole opens at its summary (the list of items), not at its first item's first page.
  const to = (group.kind === 'repeat' && group.item === undefined && items.findLast((i) => i.step === group.step)) || first
  const status = statusOf(items)
  const canJump = to.canJump && status !== 'current'
  const shown: StepperGroupItem<K> = {
    group,
    title: group.title,
    number,
    status,
    canJump,
    jump: to.jump,
    items: numberedIn(items, depth + 1),
  }
  return (
    <li key={`${first.position}:${group.step}:${group.item ?? ''}`} className={draw.groupClassName?.(shown)}>
      {draw.groupChildren ? (
        draw.groupChildren(shown)
      ) : canJump ? (
        <button type="button" onClick={to.jump}>
          {group.title}
        </button>
      ) : (
        group.title
      )}
      {status === 'current' ? <ol aria-label={group.title}>{entriesOf(items, depth + 1, draw)}</ol> : null}
    </li>
  )
}
