export {
  type EdgeKind,
  type GraphEdge,
  type GraphNode,
  type GraphOptions,
  type Journey,
  type JourneyStep,
  journeyOf,
  type NodeStatus,
  type WorkflowGraph,
} from '@flowkit/core'
export { escapeMermaid } from './escapeMermaid'
export { describeGuard, toGraph } from './toGraph'
export { type MermaidOptions, toMermaid } from './toMermaid'
