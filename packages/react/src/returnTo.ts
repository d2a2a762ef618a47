import { isWorkflowError, settled, type Workflow, type WorkflowSnapshot } from '@flowkit/core'
import type { ReturnTarget } from './returnTarget'
import { groupsOf } from './stepGroup'

/**
 * Whether steps `a` and `b` are pages of one inclusion of a sub-flow (`billing.name` and `billing.lines`),
 * or of the repeat item opened whole (`dependants.1.name` and `dependants.1.age`, see `ReturnTarget.item`).
 */
const sameSubflow = (workflow: Workflow, to: ReturnTarget, a: string, b: string): boolean => {
  const ga = groupsOf(workflow.definition, a).findLast((g) => g.kind === 'flow')
  const gb = groupsOf(workflow.definition, b).findLast((g) => g.kind === 'flow')
  const item = to.item()
  return (ga !== undefined && gb !== undefined && ga.step === gb.step && ga.item === gb.item) || (!!item?.includes(a) && item.includes(b))
}

/**
 * After step `from` was submitted during a change (see `useCheckAnswers`): back to the step the
 * change left from, through the answers given in between (`goTo` forward, which puts unchanged steps
 * back without running them again). It stops where the user has something to do, as `next()` would
 * leave it: a step the new answer brings in with no answer yet, an answer that no longer validates (its
 * issues), an action or choice that fails (its own error). The pages of the sub-flow the change is in
 * are shown in turn, so changing an address shows each of its pages before returning.
 */
export const returnTo = async (
  workflow: Workflow,
  to: ReturnTarget,
  from: string,
  snapshot: WorkflowSnapshot,
): Promise<WorkflowSnapshot> => {
  const now = workflow.getSnapshot()
  // A second submit of the same step (a double click) shares the first one's transition: only the first goes back.
  if (now.step !== snapshot.step || now.status !== 'idle') return settled(workflow)
  const target = to.get()
  // Only a submit that completed `from` goes back: not one refused, nor one cut short by Back or a stepper jump.
  if (target === null || snapshot.status !== 'idle' || snapshot.history.at(-2) !== from || snapshot.step === target) return snapshot
  if (snapshot.error || Object.keys(snapshot.issues).length > 0 || sameSubflow(workflow, to, from, snapshot.step)) return snapshot
  let moved: WorkflowSnapshot
  to.setItem(undefined)
  try {
    moved = workflow.goTo(target)
  } catch (error) {
    if (!isWorkflowError(error) || error.code !== 'NOT_VISITED') throw error
    // The new answer leads where the target cannot follow: the user goes on from here, and the change is over.
    to.set(null)
    return snapshot
  }
  return settled(workflow, moved)
}
