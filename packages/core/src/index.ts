export { canonicalJson } from './canonicalJson'
export { checkDefinition, type DefinitionProblem } from './definition/checkDefinition'
export { type ComposedWorkflowConfig, composeWorkflow, type DefinedStepId } from './definition/composeWorkflow'
export { defineWorkflow, type WorkflowConfig } from './definition/defineWorkflow'
export { type Edge, type EdgeKind, edgesOf } from './definition/edgesOf'
export { firstItemOf } from './definition/firstItemOf'
export { adjacencyOf, distancesFrom, findCycle, reachableFrom, reversed, stepsToEnd, unreachableSteps } from './definition/graph'
export { type GraphCluster, type GroupedGraph, type GroupedNode, groupedGraph } from './definition/groupedGraph'
export { type Journey, type JourneyStep, journeyOf } from './definition/journeyOf'
export { groupTitle, qualifiedStepTitle, stepTitle } from './definition/stepTitle'
export { stronglyConnected } from './definition/stronglyConnected'
export { type GraphEdge, type GraphNode, type GraphOptions, type NodeStatus, toGraph, type WorkflowGraph } from './definition/toGraph'
export { unknownStepError } from './definition/unknownStepError'
export { didYouMean } from './didYouMean'
export { isLogEntry } from './kernel/isLogEntry'
export { type JourneyLog, journeyLog, type Log } from './kernel/log'
export { historyOf, skippedOf } from './kernel/moves'
export { type Prediction, predict, progressOf, upcomingOf } from './kernel/predict'
export { mergeAt, viewOf } from './kernel/scope'
export type { SerializeOptions } from './kernel/serialize'
export { serialize } from './kernel/serialize'
export type { FlowState, Frame, Skip } from './kernel/state'
export { type FlowEvent, initialState, transition } from './kernel/transition'
export { isPlainObject } from './plain'
export { type Replayed, type ReplayOptions, replay } from './replay'
export {
  createWorkflow,
  type GoToOptions,
  type PersistenceHost,
  type RunOptions,
  type Workflow,
  type WorkflowOptions,
  type WorkflowPersistence,
} from './runtime/createWorkflow'
export { getPersistedSnapshot } from './runtime/getPersistedSnapshot'
export { refuse } from './runtime/refuse'
export { resumeState, resumeWorkflow } from './runtime/resumeWorkflow'
export { settled } from './runtime/settled'
export { toIssues, type Validated, validateStep } from './runtime/validate'
export type {
  Action,
  ActionContext,
  FlowStepDef,
  GuardContext,
  GuardedNext,
  Issues,
  LogEntry,
  LogEntryType,
  Next,
  Patch,
  PersistedFrame,
  PersistedSnapshot,
  Progress,
  RepeatInput,
  RepeatStepDef,
  RepeatSummary,
  ScopeLevel,
  StateOf,
  StepDef,
  StepGroup,
  StepIdOf,
  WorkflowDefinition,
  WorkflowSnapshot,
  WorkflowStatus,
} from './types'
export { userMessage } from './userMessage'
export {
  isWorkflowError,
  WorkflowError,
  type WorkflowErrorCategory,
  type WorkflowErrorCode,
  type WorkflowErrorOptions,
} from './WorkflowError'
