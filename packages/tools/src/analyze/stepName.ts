import { qualifiedStepTitle, type WorkflowDefinition } from '@flowkit/core'

/**
 * A step as findings name it: `'payment'`, or for a step a sub-flow or repeat brought in, its id and
 * its title as core qualifies it (`qualifiedStepTitle`): `'billing.street' (Billing address: Street)`,
 * `'dependants.1.name' (Dependants 2: Name)`.
 */
export const stepName = (definition: WorkflowDefinition, id: string): string => {
  const groups = (definition.steps as Readonly<Record<string, { readonly groups?: readonly unknown[] } | undefined>>)[id]?.groups
  return groups === undefined || groups.length === 0 ? `'${id}'` : `'${id}' (${qualifiedStepTitle(definition, id)})`
}
