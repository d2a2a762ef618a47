import { useContext } from 'react'
import { fail } from './fail'
import { StepContext, useWorkflowContext, type WorkflowContextValue } from './WorkflowContext'

/** The provider's context and the step whose content is rendering. */
export type CurrentStep = WorkflowContextValue & { readonly step: string }

/** The enclosing `<WorkflowStep>`'s step and the provider's context; a clear error outside a step. */
export const useCurrentStep = (hook: string | false): CurrentStep => {
  const context = useWorkflowContext(hook)
  const step = useContext(StepContext)
  if (step === null) {
    return fail(
      'NO_STEP',
      process.env.NODE_ENV !== 'production' &&
        `${hook} must be used in a step's content: render it inside <WorkflowStep name="..."> or a component of <WorkflowSteps steps={{ ... }}>.`,
    )
  }
  return { ...context, step }
}
