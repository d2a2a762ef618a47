import { isPlainObject } from '../plain'
import type { FlowStepDef, RepeatStepDef, WorkflowDefinition } from '../types'

export const isFlowStep = (step: unknown): step is FlowStepDef<any> => isPlainObject(step) && 'flow' in step
export const isRepeatStep = (step: unknown): step is RepeatStepDef<any> => isPlainObject(step) && 'repeat' in step

/** The first `flow:` or `repeat:` step of a definition, still to lay out by `composeWorkflow`; none: undefined. */
export const composedStep = (definition: WorkflowDefinition): string | undefined => {
  const steps = definition?.steps as Record<string, unknown> | undefined
  return isPlainObject(steps) ? Object.keys(steps).find((id) => isFlowStep(steps[id]) || isRepeatStep(steps[id])) : undefined
}

/** Whether a definition has `flow:` or `repeat:` steps still to lay out. */
export const isComposed = (definition: WorkflowDefinition): boolean => composedStep(definition) !== undefined
