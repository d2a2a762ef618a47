import type { StepDef, WorkflowDefinition } from './types'

type AnyStep = StepDef<any, string, any>

/** The steps a step can lead to, as declared (a fixed `next`, guarded choices' `to`, or `targets`). */
export const targetsOf = (step: AnyStep): string[] => {
  const { next } = step
  if (typeof next === 'string') return [next]
  if (Array.isArray(next)) return next.map((choice) => choice.to)
  return step.targets ? [...step.targets] : []
}

/**
 * For each step, the fewest steps a user can still be shown from it to the end, itself included:
 * a step that may be skipped counts 0. Infinity where no final step can be reached.
 * A 0-1 breadth-first search backwards from the final steps, once per definition.
 */
export const stepsToEnd = (definition: WorkflowDefinition): Map<string, number> => {
  const ids = Object.keys(definition.steps)
  const steps = definition.steps as Record<string, AnyStep>
  const incoming = new Map<string, string[]>(ids.map((id) => [id, []]))
  for (const id of ids) {
    for (const target of targetsOf(steps[id] as AnyStep)) incoming.get(target)?.push(id)
  }
  const best = new Map<string, number>(ids.map((id) => [id, Number.POSITIVE_INFINITY]))
  const queue: string[] = []
  for (const id of ids) {
    if (steps[id]?.final) {
      best.set(id, 1)
      queue.push(id)
    }
  }
  // Dijkstra with weights 0 and 1 is small enough here: relax until nothing improves.
  while (queue.length > 0) {
    const id = queue.shift() as string
    const d = best.get(id) as number
    for (const from of incoming.get(id) ?? []) {
      const cost = d + (steps[from]?.skip ? 0 : 1)
      if (cost < (best.get(from) as number)) {
        best.set(from, cost)
        queue.push(from)
      }
    }
  }
  return best
}
