import type { Workflow } from '@flowkit/core'
import { cached } from './cached'
import { stepNames } from './stepNames'

const reported = new WeakMap<Workflow, Set<string>>()

/**
 * Reports once per workflow and step (development only; `<WorkflowSteps>` calls it behind a
 * `NODE_ENV` check) that the current step has no component in `steps` and no `missing` fallback,
 * where it would otherwise render a blank page.
 */
export const reportMissingStep = (workflow: Workflow, step: string, keys: readonly string[], where: string): void => {
  const seen = cached(reported, workflow, () => new Set())
  if (seen.has(step)) return
  seen.add(step)
  const names = stepNames(workflow.definition, step)
  console.error(
    `${where}: workflow '${workflow.definition.id}' is at step '${step}', which has no component, so nothing is rendered. ` +
      `Keys given: ${keys.length > 0 ? keys.join(', ') : '(none)'}. ` +
      `Add '${step}'${names.length > 1 ? ` (or one of ${names.slice(1).join(', ')})` : ''} to steps, ` +
      'or pass missing={Component} to render something for steps without one.',
  )
}
