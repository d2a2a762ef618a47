import { type Workflow, WorkflowError } from '@flowkit/core'
import { useWorkflowContext } from './WorkflowContext'

/** Throws in development when a step is not in the workflow, listing the defined ones. */
export const checkSteps = (workflow: Workflow, steps: readonly string[], where: string): void => {
  if (process.env.NODE_ENV === 'production') return
  const ids = Object.keys(workflow.definition.steps)
  for (const step of steps) {
    if (!ids.includes(step)) {
      throw new WorkflowError(
        'UNKNOWN_STEP',
        `${where}: workflow '${workflow.definition.id}' has no step '${step}'; defined steps: ${ids.join(', ')}.`,
        { category: 'usage', step },
      )
    }
  }
}

/** The provider's workflow, after checking (in development) that `steps` are its steps. */
export const useKnownStep = (steps: readonly string[], where: string): Workflow => {
  const { workflow } = useWorkflowContext(where)
  checkSteps(workflow, steps, where)
  return workflow
}
