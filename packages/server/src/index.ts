export { createFlowkitHandler, type FlowkitHandler, type FlowkitHandlerOptions } from './createFlowkitHandler'
export type { Limit, LimitOptions, RequestInfo } from './limits'
export type {
  AnyDefinition,
  AuthorizeDetails,
  AuthorizeResult,
  ClaimRequest,
  Definitions,
  FinishRequest,
  InstanceRecord,
  InstanceStatus,
  InstanceStore,
  InstanceUpdate,
  Operation,
  ReclaimRequest,
  Saved,
  ServerAction,
  ServerActionContext,
  ServerActions,
  Submission,
} from './types'
