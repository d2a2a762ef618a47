export {
  type CompiledCondition,
  compileCondition,
  conditionOf,
  describeCondition,
  evaluateCondition,
  type Guard,
  readField,
} from './conditions'
export { compileFields, type FieldSchema, fieldsOf } from './fieldSchema'
export type { Choice, Comparison, Condition, FieldRule, FlowFile, StepFile } from './format'
export { ConditionSchema, FlowFileSchema, flowJsonSchema } from './format'
export { type CheckOptions, checkWorkflow, type LoadOptions, loadWorkflow, type WorkflowCheck } from './loadWorkflow'
export { type FlowProblem, type FlowProblemCode, formatProblems } from './problems'
export type { WorkflowRegistry } from './registry'
