export { createFlowkitHandler, type FlowkitHandler, type FlowkitHandlerOptions } from './createFlowkitHandler'
export { ServerError, type ServerErrorCode } from './http/ServerError'
export { type Replayed, type ReplayOptions, replay } from './replay'
export type {
  AnyDefinition,
  AuthorizeDetails,
  AuthorizeResult,
  Definitions,
  InstanceRecord,
  InstanceStatus,
  InstanceStore,
  InstanceUpdate,
  Operation,
  ServerActions,
} from './types'
