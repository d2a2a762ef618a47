import { qualifiedStepTitle } from '@flowkit/core'
import { checkout } from '../flows/checkout'
import { enrollment } from '../flows/enrollment'

/** The flows the insights page can show, with the definitions their diagrams and step titles come from. */
export const INSIGHTS_FLOWS = [
  { id: 'checkout', label: 'Checkout', definition: checkout },
  { id: 'enrollment', label: 'Enrollment', definition: enrollment },
] as const

export type InsightsFlowId = (typeof INSIGHTS_FLOWS)[number]['id']

export const isInsightsFlow = (value: string): value is InsightsFlowId => INSIGHTS_FLOWS.some((f) => f.id === value)

export const flowOf = (id: InsightsFlowId) => INSIGHTS_FLOWS.find((f) => f.id === id) ?? INSIGHTS_FLOWS[0]

/**
 * A step's title in its flow, after its sub-flow's or repeat item's (core's `qualifiedStepTitle`), so the steps
 * of a sub-flow used twice read apart ("Shipping address: Name", "Billing address: Name"); a step the flow does
 * not know (of an older version, say) by its id.
 */
export const stepTitle = (id: InsightsFlowId, step: string): string => qualifiedStepTitle(flowOf(id).definition, step)

/** The server lists steps most reached first; the page shows them in the flow's own order (steps it does not know last). */
export const inFlowOrder = <T extends { readonly step: string }>(id: InsightsFlowId, steps: readonly T[]): T[] => {
  const order = Object.keys(flowOf(id).definition.steps)
  const rank = (step: string) => (order.includes(step) ? order.indexOf(step) : order.length)
  return [...steps].sort((a, b) => rank(a.step) - rank(b.step))
}

/** A blocking field's name: its path, or the step's input as a whole (`''`). */
export const fieldLabel = (field: string): string => (field === '' ? '(the whole step)' : field)
