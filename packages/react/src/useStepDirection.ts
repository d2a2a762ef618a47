import { type StepDirection, trackDirection } from './direction'
import { useSelector } from './useSelector'
import { useWorkflowContext } from './WorkflowContext'

/**
 * How the user arrived at the current step, for transitions: `'forward'`, `'back'`, `'jump'`, or
 * `'none'` on the first render and after a restore from storage. Works anywhere under the provider,
 * e.g. in a wrapper that animates `<WorkflowSteps>`; re-renders only when the direction changes.
 * @example
 * const direction = useStepDirection()
 * return <section data-direction={direction}><WorkflowSteps steps={steps} /></section>
 */
export function useStepDirection(): StepDirection {
  const { workflow } = useWorkflowContext(process.env.NODE_ENV !== 'production' && 'useStepDirection()')
  return useSelector(workflow, (s) => trackDirection(workflow, s))
}
