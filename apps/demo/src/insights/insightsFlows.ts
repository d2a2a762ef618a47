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

const titlesOf = (id: InsightsFlowId) =>
  Object.values(flowOf(id).definition.steps as Record<string, { title?: string }>).map((s) => s.title)

/**
 * A step's title in its flow, with its id when another step has the same title (a repeat's items, sub-flows),
 * or just its id (a step of an older version, say).
 */
export const stepTitle = (id: InsightsFlowId, step: string): string => {
  const title = (flowOf(id).definition.steps as Record<string, { title?: string } | undefined>)[step]?.title
  if (title === undefined) return step
  return titlesOf(id).filter((t) => t === title).length > 1 ? `${title} (${step})` : title
}

/** The server lists steps most reached first; the page shows them in the flow's own order (steps it does not know last). */
export const inFlowOrder = <T extends { readonly step: string }>(id: InsightsFlowId, steps: readonly T[]): T[] => {
  const order = Object.keys(flowOf(id).definition.steps)
  const rank = (step: string) => (order.includes(step) ? order.indexOf(step) : order.length)
  return [...steps].sort((a, b) => rank(a.step) - rank(b.step))
}

/** A blocking field's name: its path, or the step's input as a whole (`''`). */
export const fieldLabel = (field: string): string => (field === '' ? '(the whole step)' : field)
