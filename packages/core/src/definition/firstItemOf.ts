import type { StepDef, WorkflowDefinition } from '../types'

type AnyStep = StepDef<any, string, any>

/**
 * For a composed definition: each step's counterpart in item 0 of every repeat it is in
 * (`'dependants.2.name'` → `'dependants.0.name'`, nested repeats too); other steps map to themselves.
 * Diagrams draw one item (`groupedGraph`); path enumeration shares one item's sample inputs across items.
 * @example
 * firstItemOf(household)('dependants.2.name') // 'dependants.0.name'
 */
export const firstItemOf = (definition: { readonly steps: object }): ((id: string) => string) => {
  const to = new Map<string, string>()
  for (const step of Object.values(definition.steps as WorkflowDefinition['steps']) as AnyStep[]) {
    const slots = step.summary?.slots ?? []
    const first = slots[0] ?? []
    for (const slot of slots.slice(1)) {
      for (const [j, id] of slot.entries()) to.set(id, first[j] as string)
    }
  }
  return (id) => {
    let at = id
    // Each hop moves one repeat level to item 0, so a chain is as long as the nesting is deep.
    for (let next = to.get(at); next !== undefined && next !== at; next = to.get(at)) at = next
    return at
  }
}
