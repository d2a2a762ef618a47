/**
 * The insights route's answer (`GET /api/flowkit/insights/:workflow`), as `@flowkit/server` sends it.
 * Kept here, word for word, until `@flowkit/server` exports `FlowInsights`; then this file only re-exports it.
 */
export interface StepInsights {
  readonly step: string
  readonly reached: number
  readonly completed: number
  readonly abandoned: number
  readonly backs: number
  readonly medianMs: number | null
  readonly p90Ms: number | null
  readonly blockingFields: readonly { readonly field: string; readonly count: number }[]
  /** Each bucket counts visits above the previous bound and up to `upToMs`; the last is open (`Number.MAX_SAFE_INTEGER`). */
  readonly timeBuckets: readonly { readonly upToMs: number; readonly count: number }[]
}

export interface FlowInsights {
  readonly workflow: string
  readonly version: string | number | null
  readonly from: number | null
  readonly to: number | null
  readonly abandonAfter: number
  readonly journeys: {
    readonly started: number
    readonly completed: number
    readonly abandoned: number
    readonly inProgress: number
    /** `completed / started`, 0 when none started. */
    readonly completionRate: number
  }
  readonly steps: readonly StepInsights[]
  readonly edges: readonly { readonly from: string; readonly to: string; readonly count: number }[]
  readonly paths: readonly { readonly steps: readonly string[]; readonly count: number }[]
}
