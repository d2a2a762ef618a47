import { useContext } from 'react'
import { fail } from './fail'
import { groupsOf, type StepGroup } from './stepGroup'
import { useKnownStep } from './useKnownStep'
import { StepContext } from './WorkflowContext'

/** Where the current step sits in a composed flow: see `useStepGroup`. */
export interface StepGroupApi {
  /** The step's id in the flow, e.g. `'billing.street'` or `'dependants.1.age'`. */
  readonly step: string
  /** The step's id in the innermost child definition (`'street'`, `'age'`); the step's id when it is in no group. */
  readonly local: string
  /** The `flow:` and `repeat:` steps that include it, outermost first; empty for a step of the flow itself. */
  readonly groups: readonly StepGroup[]
  /** The innermost group, or `undefined`. */
  readonly group: StepGroup | undefined
  /** The item's index (0-based) of the innermost repeat the step belongs to, or `undefined`. */
  readonly item: number | undefined
}

/**
 * The current step's place in sub-flows and repeats, so one component written for a child flow can
 * render it wherever it is included (`shipping.street` and `billing.street`, each dependant's steps).
 * Pass a step id to ask about another step. Reads the definition only: it never re-renders.
 * @example
 * const { local, group, item } = useStepGroup()
 * return <h1>{group?.title}{item === undefined ? '' : ` ${item + 1}`}: {local}</h1>
 */
export function useStepGroup(step?: string): StepGroupApi {
  const current = useContext(StepContext)
  const id = step ?? current
  const workflow = useKnownStep(id === null ? [] : [id], process.env.NODE_ENV !== 'production' && 'useStepGroup()')
  if (id === null) {
    return fail(
      'NO_STEP',
      process.env.NODE_ENV !== 'production' &&
        "useStepGroup() without a step id must be used in a step's content (inside <WorkflowStep> or <WorkflowSteps>); or pass the step id: useStepGroup('billing.street').",
    )
  }
  const groups = groupsOf(workflow.definition, id)
  const group = groups.at(-1)
  return {
    step: id,
    local: group?.local ?? id,
    groups,
    group,
    item: groups.findLast((g) => g.kind === 'repeat')?.item,
  }
}
