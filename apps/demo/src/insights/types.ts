/**
 * The insights route's answer (`GET /api/flowkit/insights/:workflow`), exactly as `@flowkit/server` types it.
 * Types only: nothing of the server reaches the browser bundle.
 */
export type { FlowInsights, StepInsights } from '@flowkit/server'
