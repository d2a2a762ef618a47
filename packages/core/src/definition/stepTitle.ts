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
 * reads apart: `'Shipping address: Name'`, `'Dependants 2: Name'`. For a step of the flow itself, its `stepTitle`.
 * @example
 * qualifiedStepTitle(checkout, 'shipping.name') // 'Shipping address: Name'
 */
export const qualifiedStepTitle = (definition: Titled, step: string): string =>
  [...((definition.steps as TitledSteps)[step]?.groups ?? []).map(groupTitle), stepTitle(definition, step)].join(': ')

/** A sub-flow's or repeat's title as users know it; a repeat item's is numbered from 1: `'Dependants 2'`. */
export const groupTitle = (group: Pick<StepGroup, 'title' | 'kind' | 'item'>): string =>
  group.kind === 'repeat' && group.item !== undefined ? `${group.title} ${group.item + 1}` : group.title
