/** What `analyzeWorkflow` can find. */
export type FindingKind =
  | 'unreachable-step'
  | 'dead-end'
  | 'trapped-cycle'
  | 'guard-overlap'
  | 'guard-gap'
  | 'guard-never-holds'
  | 'always-skipped'
  | 'impossible-step'

/** One finding. `error`: a user can get stuck or a step can never be used; `warning`: probably a mistake. */
export interface Finding {
  readonly kind: FindingKind
  readonly severity: 'error' | 'warning'
  /** The step it is about (for a cycle, its first step). */
  readonly step: string
  /** All steps involved, e.g. the steps of a cycle or the targets of overlapping guards. */
  readonly steps: readonly string[]
  /** What is wrong and how to fix it. */
  readonly message: string
  /** For guard findings: field values that show the problem, e.g. `{ plan: 'other' }`. */
  readonly example?: Readonly<Record<string, unknown>>
}
