import { didYouMean, unknownStepError, type Workflow, WorkflowError } from '@flowkit/core'
import { namesOf } from './stepNames'
import { useWorkflowContext } from './WorkflowContext'

/** How the call that named `step` reads in a message: `useRepeat('paymnt')`, `<WorkflowStep name="paymnt">`, `<WorkflowSteps steps> key 'paymnt'`. */
const callNaming = (where: string, step: string): string => {
  if (where.endsWith('()')) return `${where.slice(0, -1)}'${step}')`
  const prop = /^<(\w+) name>$/.exec(where)
  return prop ? `<${prop[1]} name="${step}">` : `${where} key '${step}'`
}

/** Throws core's `UNKNOWN_STEP` (the defined steps, the nearest one) in development when a step is not in the workflow. */
export const checkSteps = (workflow: Workflow, steps: readonly string[], where: string): void => {
  if (process.env.NODE_ENV === 'production') return
  const { definition } = workflow
  for (const step of steps) {
    if (!Object.hasOwn(definition.steps, step))
      throw unknownStepError(definition, `${callNaming(where, step)} in workflow '${definition.id}'`, step)
  }
}

/** The provider's workflow, after checking (in development) that `steps` are its steps. */
export const useKnownStep = (steps: readonly string[], where: string | false): Workflow => {
  const { workflow } = useWorkflowContext(where)
  if (where) checkSteps(workflow, steps, where)
  return workflow
}

/**
 * Throws in development when a name matches no step: not a step id, nor a child template
 * (`'dependants.*.age'`, `'address.street'`) nor a group (`'shipping'`, `'dependants.*'`).
 */
export const checkNames = (workflow: Workflow, names: readonly string[], where: string): void => {
  if (process.env.NODE_ENV === 'production') return
  const known = namesOf(workflow.definition)
  for (const name of names) {
    if (known.has(name)) continue
    if (known.size === Object.keys(workflow.definition.steps).length) checkSteps(workflow, [name], where)
    // Items' own ids would list every slot: name the templates instead.
    const shown = [...known].filter((n) => !/\.\d+(\.|$)/.test(n))
    throw new WorkflowError(
      'UNKNOWN_STEP',
      `${where}: workflow '${workflow.definition.id}' has no step, child template or group '${name}'. ${didYouMean(name, shown)}${
        didYouMean(name, shown) ? ' ' : ''
      }Known names: ${shown.join(', ')}.`,
      { category: 'usage', step: name },
    )
  }
}

/** The provider's workflow, after checking (in development) that `names` name its steps, child templates or groups. */
export const useKnownNames = (names: readonly string[], where: string | false): Workflow => {
  const { workflow } = useWorkflowContext(where)
  if (where) checkNames(workflow, names, where)
  return workflow
}
