export { escapeMermaid } from './escapeMermaid'
export { type Journey, type JourneyStep, journeyOf } from './journeyOf'
export {
  type EdgeKind,
  type GraphEdge,
  type GraphNode,
  type GraphOptions,
  type NodeStatus,
  toGraph,
  type WorkflowGraph,
} from './toGraph'
export { type MermaidOptions, toMermaid } from './toMermaid'
