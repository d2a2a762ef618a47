import type { StepGroup } from '../types'

/** What naming a step needs of a definition (a `WorkflowDefinition` of any state). */
type Titled = { readonly steps: object }
type TitledSteps = Readonly<Record<string, { readonly title?: string; readonly groups?: readonly StepGroup[] } | undefined>>

/**
 * A step's title as users know it: its `title`, else its id.
 * @example
 * stepTitle(checkout, 'shipping.name') // 'Name'
 */
export const stepTitle = (definition: Titled, step: string): string => (definition.steps as TitledSteps)[step]?.title ?? step

/**
 * A step's title after the titles of the sub-flows and repeats it is part of, so the same child step in two places
 * reads apart: `'Shipping address: Name'`, `'Dependants 2: Name'`; an untitled child step by its id in the child flow
 * (`'Shipping address: street'`). For a step of the flow itself, its `stepTitle`.
 * @example
 * qualifiedStepTitle(checkout, 'shipping.name') // 'Shipping address: Name'
 */
export const qualifiedStepTitle = (definition: Titled, step: string): string => {
  const def = (definition.steps as TitledSteps)[step]
  const groups = def?.groups ?? []
  // An untitled child step is named by its id in the child flow ('Billing address: street'), not its laid-out id again.
  return [...groups.map(groupTitle), def?.title ?? groups.at(-1)?.local ?? step].join(': ')
}

/** A sub-flow's or repeat's title as users know it; a repeat item's is numbered from 1: `'Dependants 2'`. */
export const groupTitle = (group: Pick<StepGroup, 'title' | 'kind' | 'item'>): string =>
  group.kind === 'repeat' && group.item !== undefined ? `${group.title} ${group.item + 1}` : group.title
