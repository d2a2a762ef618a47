import type { StepDef, Workflow, WorkflowSnapshot } from '@flowkit/core'

/**
 * After a "Change" link on a check-answers page: completes the steps after the changed one with what
 * the user entered before (their drafts), so they land back on `target`; a repeat's summary step on the
 * way goes on (`{ action: 'continue' }`: its items stand). Inside a sub-flow (`flow:`) the user pages
 * through it: on a step of the same sub-flow as the one just submitted it stays, so changing an address
 * shows each of its pages before review. Stops early, on the step to look at, when a
 * step has no draft (a new branch), when validation rejects or an action fails, with the step's own
 * error (the engine's forward `goTo` would replace it with FORWARD_BLOCKED, which loses the service's
 * words the demo shows).
 * @example
 * flow.goTo('shipping')
 * await flow.next(newAddress)
 * await returnTo(flow, 'review')
 */
export async function returnTo<S extends object, K extends string>(workflow: Workflow<S, K>, target: K): Promise<WorkflowSnapshot<S, K>> {
  let snapshot = workflow.getSnapshot()
  if (inSameSubflow(workflow, snapshot.history.at(-2), snapshot.step)) return snapshot
  for (let guard = 0; guard < 100; guard++) {
    if (snapshot.status !== 'idle' || snapshot.step === target || snapshot.error || Object.keys(snapshot.issues).length > 0) break
    const summary = (workflow.definition.steps[snapshot.step] as StepDef<S, K> | undefined)?.summary
    const draft = summary ? { action: 'continue' } : snapshot.drafts[snapshot.step]
    if (draft === undefined) break
    snapshot = await workflow.next(draft)
  }
  return snapshot
}

/** Whether steps `a` and `b` belong to the same inclusion of a sub-flow (e.g. `billing.name` and `billing.lines`). */
const inSameSubflow = (workflow: Workflow<any, any>, a: string | undefined, b: string): boolean => {
  const steps = workflow.definition.steps as Record<string, StepDef<unknown> | undefined>
  const group = (id: string | undefined) => (id === undefined ? undefined : steps[id]?.groups?.findLast((g) => g.kind === 'flow'))
  const ga = group(a)
  return ga !== undefined && ga.step === group(b)?.step && ga.item === group(b)?.item
}
