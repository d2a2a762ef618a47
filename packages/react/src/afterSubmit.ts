import type { Workflow, WorkflowSnapshot } from '@flowkit/core'

/**
 * What `useStep().submit` does once a step's submit settled, per workflow: set by `useCheckAnswers`
 * (the way back to a check-answers page), so a wizard without one ships none of it.
 */
export const afterSubmit = new WeakMap<Workflow, (step: string, snapshot: WorkflowSnapshot) => Promise<WorkflowSnapshot>>()
