import type { LogEntry, WorkflowDefinition } from '@flowkit/core'
import { groupedGraph, toGraph, type WorkflowGraph } from '@flowkit/core'
import { useContext, useMemo } from 'react'
import { type StoreApi, useStore } from 'zustand'
import { WorkflowContext } from '../WorkflowContext'
import { drawnTraffic, type EdgeTraffic, loadsOf, type TrafficWidth } from './edgeTraffic'
import { type LayoutOptions, layoutGraph } from './layoutGraph'

const EMPTY: readonly LogEntry[] = []

/**
 * What `<WorkflowDiagram>` draws: the definition (given, or the provider's), the trace (given, or the live
 * log), each edge's traffic (on the drawn steps), the layout and the graph with the run's statuses, both of core's
 * `groupedGraph`. The layout depends on the definition (and the counts' labels) only; a new step in the run only restyles it.
 */
export const useDiagram = (
  given: WorkflowDefinition<any, any> | undefined,
  givenTrace: readonly LogEntry[] | null | undefined,
  traffic: readonly EdgeTraffic[] | undefined,
  trafficWidth: TrafficWidth | undefined,
  format: (count: number) => string,
  direction: LayoutOptions['direction'],
) => {
  const context = useContext(WorkflowContext)
  const store = context?.workflow.store
  const liveLog = useStore(store ?? NO_STORE, (s) => (s as { log?: readonly LogEntry[] }).log ?? EMPTY)
  const definition = given ?? context?.workflow.definition
  const trace = givenTrace === null ? undefined : (givenTrace ?? (store ? liveLog : undefined))
  const plain = useMemo(() => definition && groupedGraph(definition), [definition])
  const drawn = useMemo(() => definition && traffic && drawnTraffic(definition, traffic), [definition, traffic])
  const { min, max } = trafficWidth ?? {}
  const loads = useMemo(() => plain && drawn && loadsOf(plain.edges, drawn, { min, max }), [plain, drawn, min, max])
  const layout = useMemo(
    () => plain && layoutGraph(loads ? withCounts(plain, loads, format) : plain, { direction }, plain.clusters),
    [plain, loads, format, direction],
  )
  const graph = useMemo(() => definition && groupedGraph(definition, toGraph(definition, trace ? { trace } : {})), [definition, trace])
  return { definition, trace, drawn, loads, layout, graph }
}

/** The graph with each edge's label holding its count too, so the layout leaves room for it. */
const withCounts = (
  graph: WorkflowGraph,
  loads: ReadonlyMap<string, { count: number }>,
  format: (count: number) => string,
): WorkflowGraph => ({
  ...graph,
  edges: graph.edges.map((edge) => {
    const count = format(loads.get(edge.id)?.count ?? 0)
    return { ...edge, label: edge.label ? `${edge.label} · ${count}` : count }
  }),
})

/** A store that never changes, so the hook order stays the same outside a provider. */
const NO_STORE = {
  getState: () => ({}),
  getInitialState: () => ({}),
  setState: () => {},
  subscribe: () => () => {},
} as unknown as StoreApi<unknown>
