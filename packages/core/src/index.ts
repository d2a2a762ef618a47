export {
  createWorkflow,
  type PersistenceHost,
  type RunOptions,
  type Workflow,
  type WorkflowOptions,
  type WorkflowPersistence,
} from './createWorkflow'
export { defineWorkflow, type WorkflowConfig } from './defineWorkflow'
export { didYouMean } from './didYouMean'
export type { RestoreOptions, SerializeOptions } from './persisted'
export type {
  Action,
  ActionContext,
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
  StateOf,
  StepDef,
  StepIdOf,
  WorkflowDefinition,
  WorkflowSnapshot,
  WorkflowStatus,
} from './types'
export { isWorkflowError, WorkflowError, type WorkflowErrorCode, type WorkflowErrorOptions } from './WorkflowError'
