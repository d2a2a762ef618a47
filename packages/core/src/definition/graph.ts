import type { StepDef, WorkflowDefinition } from '../types'
import { type Edge, edgesOf, targetsOf } from './edgesOf'

/**
 * The graph searches of a definition, in one module: reachability, distances, cycles. All iterative
 * (no recursion), so a chain of 10,000 steps cannot overflow the stack, and linear in steps + edges.
 */

type AnyStep = StepDef<any, string, any>
const stepsOf = (definition: WorkflowDefinition) => definition.steps as Record<string, AnyStep>

/** Each step's targets along the edges `keep` admits (all by default): the graph the searches below walk. */
export const adjacencyOf = (definition: WorkflowDefinition, keep?: (edge: Edge) => boolean): Map<string, string[]> =>
  new Map(
    Object.keys(definition.steps).map((id) => [
      id,
      [
        ...new Set(
          edgesOf(definition, id)
            .filter((e) => !keep || keep(e))
            .map((e) => e.to),
        ),
      ],
    ]),
  )

/** The same graph with every edge turned round: who leads to each step. */
export const reversed = (graph: ReadonlyMap<string, readonly string[]>): Map<string, string[]> => {
  const out = new Map<string, string[]>([...graph.keys()].map((id) => [id, []]))
  for (const [from, tos] of graph) for (const to of tos) out.get(to)?.push(from)
  return out
}

/** Every step reached from `starts` in `graph` (the starts included). */
export const reachableFrom = (graph: ReadonlyMap<string, readonly string[]>, starts: readonly string[]): Set<string> => {
  const seen = new Set(starts)
  const queue = [...starts]
  for (let head = 0; head < queue.length; head++) {
    for (const to of graph.get(queue[head] as string) ?? []) {
      if (!seen.has(to)) {
        seen.add(to)
        queue.push(to)
      }
    }
  }
  return seen
}

/** Fewest edges from `from` (default: the initial step) to each step it reaches. Unreached steps are absent. */
export const distancesFrom = (definition: WorkflowDefinition, from: string = definition.initial): Map<string, number> => {
  const next = adjacencyOf(definition)
  const distance = new Map<string, number>([[from, 0]])
  const queue = [from]
  for (let head = 0; head < queue.length; head++) {
    const id = queue[head] as string
    for (const to of next.get(id) ?? []) {
      if (!distance.has(to)) {
        distance.set(to, (distance.get(id) as number) + 1)
        queue.push(to)
      }
    }
  }
  return distance
}

/** The steps no path from the initial step reaches, in definition order. */
export const unreachableSteps = (definition: WorkflowDefinition): string[] => {
  const reached = distancesFrom(definition)
  return Object.keys(definition.steps).filter((id) => !reached.has(id))
}

/**
 * A cycle among the steps `keep` admits (e.g. skippable steps), as `[a, b, …, a]`, or undefined.
 * Iterative depth-first search with colours.
 */
export const findCycle = (definition: WorkflowDefinition, keep: (id: string) => boolean = () => true): string[] | undefined => {
  const next = adjacencyOf(definition)
  const colour = new Map<string, 1 | 2>()
  for (const root of next.keys()) {
    if (!keep(root) || colour.has(root)) continue
    const stack: { id: string; i: number }[] = [{ id: root, i: 0 }]
    colour.set(root, 1)
    while (stack.length > 0) {
      const top = stack[stack.length - 1] as { id: string; i: number }
      const targets = next.get(top.id) ?? []
      if (top.i >= targets.length) {
        colour.set(top.id, 2)
        stack.pop()
        continue
      }
      const to = targets[top.i++] as string
      if (!keep(to) || !next.has(to)) continue
      if (colour.get(to) === 1) return [...stack.slice(stack.findIndex((f) => f.id === to)).map((f) => f.id), to]
      if (!colour.has(to)) {
        colour.set(to, 1)
        stack.push({ id: to, i: 0 })
      }
    }
  }
  return undefined
}

/**
 * For each step, the fewest steps a user can still be shown from it to the end, itself included:
 * a step that may be skipped counts 0. Infinity where no final step can be reached.
 * A 0-1 breadth-first search backwards from the final steps (a deque), once per definition.
 */
export const stepsToEnd = (definition: WorkflowDefinition): Map<string, number> => {
  const steps = stepsOf(definition)
  const ids = Object.keys(steps)
  const incoming = new Map<string, string[]>(ids.map((id) => [id, []]))
  for (const id of ids) for (const to of targetsOf(definition, id)) incoming.get(to)?.push(id)
  const best = new Map<string, number>(ids.map((id) => [id, Number.POSITIVE_INFINITY]))
  // A deque as two stacks' worth of array: front items are pushed at `head - 1`.
  const deque: (string | undefined)[] = new Array(ids.length * 2 + 1)
  let head = ids.length
  let tail = ids.length
  for (const id of ids) {
    if (steps[id]?.final) {
      best.set(id, 1)
      deque[tail++] = id
    }
  }
  while (head < tail) {
    const id = deque[head++] as string
    const d = best.get(id) as number
    for (const from of incoming.get(id) ?? []) {
      const free = Boolean(steps[from]?.skip)
      const cost = d + (free ? 0 : 1)
      if (cost < (best.get(from) as number)) {
        best.set(from, cost)
        // A free (skippable) step goes to the front; the search relaxes until nothing improves, so order is only speed.
        if (free && head > 0) deque[--head] = from
        else deque[tail++] = from
      }
    }
  }
  return best
}
