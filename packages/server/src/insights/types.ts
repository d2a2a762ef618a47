/**
 * What `queryInsights` is asked: one flow (optionally one definition version), journeys started in `[from, to)`.
 * Journeys are counted by the hour they started (UTC): `from` is rounded down and `to` up to a whole hour, and the
 * answer's `from` and `to` say the range counted.
 */
export interface InsightsQuery {
  readonly workflow: string
  /** The definition's `version` (as in the snapshots); all versions when omitted. */
  readonly version?: string | number
  /** Journeys that started at or after this time (ms since the epoch). @default the oldest kept */
  readonly from?: number
  /** Journeys that started before this time (ms since the epoch). @default no limit */
  readonly to?: number
  /** A journey neither finished nor touched for longer than this (ms) is abandoned. @default 1800000 (30 min) */
  readonly abandonAfter?: number
  /** Fields listed per step in `blockingFields`. @default 5 */
  readonly topFields?: number
  /** Paths listed in `paths`. @default 10 */
  readonly topPaths?: number
  /** The time abandonment is judged at (ms since the epoch). @default Date.now() */
  readonly now?: number
}

/** One step of a flow, over the journeys of the query. */
export interface StepInsights {
  readonly step: string
  /** Journeys that entered the step at least once. */
  readonly reached: number
  /** Journeys that completed the step at least once. */
  readonly completed: number
  /** Abandoned journeys whose last step was this one. */
  readonly abandoned: number
  /** Visits of this step left by going back (`back` or `goTo` an earlier step). */
  readonly backs: number
  /** Median and 90th percentile of the time on the step per finished visit (nearest rank), `null` without any. */
  readonly medianMs: number | null
  readonly p90Ms: number | null
  /** The field paths named most often by the step's validation issues (`''` is the input as a whole). */
  readonly blockingFields: readonly { readonly field: string; readonly count: number }[]
  /** Finished visits by time on the step: each bucket counts those above the previous bound and up to `upToMs`. */
  readonly timeBuckets: readonly { readonly upToMs: number; readonly count: number }[]
}

/** Where the journeys of one flow went: see `queryInsights`. */
export interface FlowInsights {
  readonly workflow: string
  readonly version: string | number | null
  /** The range counted: the query's `from` rounded down to the hour (`null` when not given). */
  readonly from: number | null
  /** The query's `to` rounded up to the hour (`null` when not given). */
  readonly to: number | null
  readonly abandonAfter: number
  readonly journeys: {
    readonly started: number
    readonly completed: number
    readonly abandoned: number
    readonly inProgress: number
    /** Journeys carried on from another device than the one they were on (a save from a new device records `resumed`). */
    readonly resumed: number
    /** `completed / started`, 0 when none started. */
    readonly completionRate: number
  }
  /** Most reached first (then by step id). */
  readonly steps: readonly StepInsights[]
  /** Moves from one step to the next (forward, back and `goTo`), most frequent first. */
  readonly edges: readonly { readonly from: string; readonly to: string; readonly count: number }[]
  /** The steps each journey reached, in the order first reached; the most frequent first. */
  readonly paths: readonly { readonly steps: readonly string[]; readonly count: number }[]
}

/** What a journey table row records: the log entry types plus the server's `resumed` and `submitted`. Never values. */
export type JourneyEventType =
  | 'entered'
  | 'completed'
  | 'skipped'
  | 'back'
  | 'goto'
  | 'reset'
  | 'error'
  | 'invalid'
  | 'done'
  | 'resumed'
  | 'submitted'

/**
 * One journey event as a store writes it: `[type, step, at, reason, fields, rank]`, where `rank` counts the
 * events with the same `at` up to this one (1 for the first), which is how a later save tells the new ones.
 */
export type JourneyRow = readonly [JourneyEventType, string, number, string | null, readonly string[] | null, number]

/** The journey of one save: its events (the whole log, the store keeps only those after its last recorded one). */
export interface JourneyWrite {
  /** The definition version of the snapshot, as text, or `null`. */
  readonly version: string | null
  /** The snapshot's current step (where a `resumed` event with no new entries is placed). */
  readonly step: string
  readonly rows: readonly JourneyRow[]
  /** An opaque short hash naming the device that saved (a change between saves records `resumed`), or `null`. */
  readonly device: string | null
}

/** Where a journey stands in the store: kept on the instance row, compared with the next save's log. */
export interface JourneyPosition {
  /** Events recorded so far (the last one's `seq`). */
  readonly seq: number
  /** `at` and `rank` of the last log entry recorded, `null` before any. */
  readonly at: number | null
  readonly rank: number
  readonly device: string | null
}

/** How a store records journeys. */
export interface InsightsStoreOptions {
  /** `false` records nothing. @default true */
  readonly record?: boolean
  /**
   * How long journey events are kept (ms); `removeExpired(now)` and `pruneInsights` delete older ones. `false`
   * keeps them. @default 7776000000 (90 days)
   */
  readonly retain?: number | false
  /** PostgreSQL: the `work_mem` of the aggregate query (its sorts), set for that query only. @default '64MB' */
  readonly workMem?: string
}

/** A query with every default applied, as a store's SQL receives it. */
export interface ResolvedQuery {
  readonly workflow: string
  readonly version: string | null
  readonly from: number
  readonly to: number
  readonly abandonAfter: number
  readonly topFields: number
  readonly topPaths: number
  readonly now: number
}

/**
 * One row of the rollup query: a counter's sum over the range (`kind` one of the rollup kinds, see
 * `projectJourney.ts`), or `recent`: unfinished journeys touched within `abandonAfter`, by the step they are on.
 */
export interface InsightsRow {
  readonly kind: string
  readonly step: string | null
  readonly other: string | null
  readonly n: number | string | null
}

/** The SQL side of insights that the SQLite and PostgreSQL stores carry. */
export interface InsightsSource {
  /** Brings the rollups up to date and runs the rollup query in the database. */
  aggregate(query: ResolvedQuery): Promise<readonly InsightsRow[]>
  /** Folds the journey events written since the last refresh into the rollups; returns how many were read. */
  refresh(): Promise<number>
  /** Deletes journey events older than `before` (ms since the epoch); returns how many. */
  prune(before: number): Promise<number>
  /** The retention of the store (`false`: kept). */
  readonly retain: number | false
}
