export { type EdgeTraffic, edgeWidth, type TrafficWidth } from './edgeTraffic'
export { type Layout, type LayoutOptions, layoutGraph, type PlacedEdge, type PlacedNode } from './layoutGraph'
export { WorkflowDiagram, type WorkflowDiagramProps } from './WorkflowDiagram'
