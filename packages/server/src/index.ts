export { createFlowkitHandler, type FlowkitHandler, type FlowkitHandlerOptions } from './createFlowkitHandler'
export { pruneInsights, queryInsights, refreshInsights } from './insights/queryInsights'
export { deviceOf, recordedJourney } from './insights/recordedJourney'
export { TIME_BUCKETS } from './insights/timeBuckets'
export type { FlowInsights, InsightsQuery, InsightsSource, InsightsStoreOptions, JourneyWrite, StepInsights } from './insights/types'
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
  Migration,
  Operation,
  ReclaimRequest,
  Saved,
  ServerAction,
  ServerActionContext,
  ServerActions,
  Submission,
} from './types'
