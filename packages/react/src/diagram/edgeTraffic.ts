import { firstItemOf, type GraphEdge, type WorkflowDefinition } from '@flowkit/core'

/** How many journeys went from one step to the next (e.g. an insights aggregate's `edges`). */
export interface EdgeTraffic {
  readonly from: string
  readonly to: string
  readonly count: number
}

/** The stroke widths traffic is drawn with, in px: the busiest edge gets `max`, an edge nobody took `min`. */
export interface TrafficWidth {
  /** @default 1.5 */
  readonly min?: number
  /** @default 10 */
  readonly max?: number
}

/** What the diagram draws for one edge when traffic is given. */
export interface EdgeLoad {
  readonly count: number
  /** The stroke width in px. */
  readonly width: number
}

const pairOf = (from: string, to: string) => `${from}\u0000${to}`

/**
 * The stroke width for `count` out of the busiest edge's `busiest`, on a square-root scale (the line's
 * width grows like the square root of the journeys, so a 100× busier edge is 10× wider, not 100×).
 * @example
 * edgeWidth(25, 100, { min: 2, max: 10 }) // 6
 */
export const edgeWidth = (count: number, busiest: number, { min = 1.5, max = 10 }: TrafficWidth = {}): number => {
  if (!(busiest > 0) || !(count > 0)) return min
  return min + (max - min) * Math.sqrt(Math.min(count, busiest) / busiest)
}

/**
 * Each drawn edge's count and width, keyed by the edge's id. Counts are summed per step pair, so traffic
 * listing a pair twice adds up; parallel edges between the same steps (two guards to one step) each show
 * the pair's count, since a journey's move names the steps, not the guard.
 */
export const loadsOf = (edges: readonly GraphEdge[], traffic: readonly EdgeTraffic[], width: TrafficWidth = {}): Map<string, EdgeLoad> => {
  const byPair = new Map<string, number>()
  for (const t of traffic) byPair.set(pairOf(t.from, t.to), (byPair.get(pairOf(t.from, t.to)) ?? 0) + Math.max(0, t.count))
  const counts = edges.map((edge) => byPair.get(pairOf(edge.from, edge.to)) ?? 0)
  const busiest = Math.max(0, ...counts)
  return new Map(edges.map((edge, i) => [edge.id, { count: counts[i] ?? 0, width: edgeWidth(counts[i] ?? 0, busiest, width) }]))
}

/** Traffic between steps that the flow has no transition for (a jump back, an old version's move): not drawn, still told. */
export const undrawnTraffic = (edges: readonly GraphEdge[], traffic: readonly EdgeTraffic[]): EdgeTraffic[] => {
  const drawn = new Set(edges.map((edge) => pairOf(edge.from, edge.to)))
  return traffic.filter((t) => !drawn.has(pairOf(t.from, t.to)) && t.count > 0)
}

/**
 * The traffic on the steps the diagram draws: a move within any repeat item counts on the drawn item's edge
 * (core's `firstItemOf`), as the grouped graph draws one item standing for each.
 */
export const drawnTraffic = (definition: WorkflowDefinition, traffic: readonly EdgeTraffic[]): EdgeTraffic[] => {
  const first = firstItemOf(definition)
  return traffic.map((t) => ({ from: first(t.from), to: first(t.to), count: t.count }))
}

/** `1234` → `1,234`. */
export const formatCount = (count: number): string => count.toLocaleString('en-US')

/**
 * The traffic in words, for the diagram's accessible description: every step pair drawn with its count,
 * then the moves the flow has no transition for. Steps are named by their qualified labels (`'Delivery address: Street'`),
 * with the id when one still repeats.
 * @example
 * // 'Journeys along each transition: Cart to Shipping, 1,234; Shipping to Payment, 1,100.'
 */
export const describeTraffic = (
  nodes: readonly { readonly id: string; readonly label: string; readonly qualifiedLabel?: string }[],
  edges: readonly GraphEdge[],
  loads: ReadonlyMap<string, EdgeLoad>,
  undrawn: readonly EdgeTraffic[],
  format: (count: number) => string,
): string => {
  // Two steps of one flow may share a title: those are told with their ids too.
  const uses = new Map<string, number>()
  const nameOf = (node: (typeof nodes)[number]) => node.qualifiedLabel ?? node.label
  for (const node of nodes) uses.set(nameOf(node), (uses.get(nameOf(node)) ?? 0) + 1)
  const label = new Map(nodes.map((node) => [node.id, (uses.get(nameOf(node)) ?? 0) > 1 ? `${nameOf(node)} (${node.id})` : nameOf(node)]))
  const name = (from: string, to: string) => `${label.get(from) ?? from} to ${label.get(to) ?? to}`
  const seen = new Set<string>()
  const drawn: string[] = []
  for (const edge of edges) {
    if (seen.has(pairOf(edge.from, edge.to))) continue
    seen.add(pairOf(edge.from, edge.to))
    drawn.push(`${name(edge.from, edge.to)}, ${format(loads.get(edge.id)?.count ?? 0)}`)
  }
  const other = undrawn.map((t) => `${name(t.from, t.to)}, ${format(t.count)}`)
  return `Journeys along each transition: ${drawn.join('; ')}.${other.length ? ` Moves the flow has no transition for: ${other.join('; ')}.` : ''}`
}
