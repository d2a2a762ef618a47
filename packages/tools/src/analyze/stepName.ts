import type { StepDef, WorkflowDefinition } from '@flowkit/core'

type AnyStep = StepDef<any, string, any>

/**
 * A step as findings name it: `'payment'`, or for a step a sub-flow or repeat brought in, its id and
 * where it comes from in titles: `'billing.street' (Billing address › Street)`,
 * `'dependants.1.name' (Dependants › item 2 › Name)`.
 */
export const stepName = (definition: WorkflowDefinition, id: string): string => {
  const step = (definition.steps as Record<string, AnyStep | undefined>)[id]
  const groups = step?.groups ?? []
  if (groups.length === 0) return `'${id}'`
  const parts = groups.flatMap((g) => (g.kind === 'repeat' ? [g.title, `item ${(g.item ?? 0) + 1}`] : [g.title]))
  return `'${id}' (${[...parts, step?.title ?? groups.at(-1)?.local ?? id].join(' › ')})`
}
