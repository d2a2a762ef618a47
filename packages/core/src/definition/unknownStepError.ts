import { hint } from '../didYouMean'
import type { WorkflowDefinition } from '../types'
import { WorkflowError } from '../WorkflowError'
import { compile } from './compile'

/**
 * The `UNKNOWN_STEP` error for `id`, which `definition` has no step of: `what` names the call (`goTo('paymnt')`), the
 * message lists the defined steps and suggests the nearest one. Production builds drop the message.
 * @example
 * if (!(id in definition.steps)) throw unknownStepError(definition, `useStep('${id}')`, id)
 */
export const unknownStepError = (definition: WorkflowDefinition<any, any>, what: string, id: string): WorkflowError => {
  const text = (): string => {
    const { ids } = compile(definition)
    return `${what}: there is no such step; defined steps: ${ids.join(', ')}.${hint(id, ids)}`
  }
  return new WorkflowError('UNKNOWN_STEP', process.env.NODE_ENV !== 'production' && text(), { category: 'usage', step: id })
}
