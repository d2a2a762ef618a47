import { type Core, logEntries, stateOf } from './core'
import { historyOf, predict, skippedOf } from './transition'
import type { Issues, LogEntry, Progress, WorkflowSnapshot, WorkflowStatus } from './types'
import type { WorkflowError } from './WorkflowError'

/** Where a snapshot keeps the engine's core. A symbol: JSON and `Object.keys` never see it, spreads keep it. */
export const CORE: unique symbol = Symbol.for('flowkit.core')

export type InternalSnapshot = WorkflowSnapshot & { readonly [CORE]: Core }

/**
 * The public view of a core. `history`, `skipped`, `progress` and `log` are computed on first read and
 * kept, so a transition costs the same whatever the path's length. `toJSON` includes them.
 */
class Snapshot implements InternalSnapshot {
  readonly id: string
  readonly step: string
  readonly state: object
  readonly status: WorkflowStatus
  readonly error: WorkflowError | null
  readonly issues: Issues
  readonly drafts: Readonly<Record<string, unknown>>
  readonly [CORE]: Core
  #history?: readonly string[]
  #skipped?: readonly string[]
  #progress?: Progress
  #upcoming?: readonly string[]
  #exact?: boolean
  #fewest?: number
  #log?: readonly LogEntry[]

  constructor(core: Core, derived?: Snapshot) {
    this.id = core.definition.id
    this.step = core.step
    this.state = stateOf(core)
    this.status = core.busy ? 'busy' : core.done ? 'done' : 'idle'
    this.error = core.error
    this.issues = core.issues
    this.drafts = core.drafts
    this[CORE] = core
    if (derived) {
      // Same position and state (only drafts changed): share the derived values, so selectors keep their references.
      this.#history = derived.history
      this.#skipped = derived.skipped
      this.#progress = derived.progress
      this.#upcoming = derived.upcoming
      this.#log = derived.log
    }
  }

  get history(): readonly string[] {
    this.#history ??= historyOf(this[CORE])
    return this.#history
  }

  get skipped(): readonly string[] {
    this.#skipped ??= skippedOf(this[CORE])
    return this.#skipped
  }

  get upcoming(): readonly string[] {
    if (!this.#upcoming) {
      const { steps, exact, fewest } = predict(this[CORE])
      this.#upcoming = steps
      this.#exact = exact
      this.#fewest = fewest
    }
    return this.#upcoming
  }

  get progress(): Progress {
    if (!this.#progress) {
      const position = this.history.length
      const ahead = this.upcoming.length + (this.#fewest ?? 0)
      this.#progress = { position, total: position + ahead, exact: this.#exact ?? true }
    }
    return this.#progress
  }

  get log(): readonly LogEntry[] {
    this.#log ??= logEntries(this[CORE].log, this[CORE].logLimit)
    return this.#log
  }

  toJSON() {
    const { id, step, state, status, error, issues, drafts, history, skipped, upcoming, progress, log } = this
    return { id, step, state, status, error, issues, drafts, history, skipped, upcoming, progress, log }
  }
}

export const makeSnapshot = (core: Core, derived?: WorkflowSnapshot): InternalSnapshot =>
  new Snapshot(core, derived instanceof Snapshot ? derived : undefined)

export const coreOf = (snapshot: WorkflowSnapshot): Core | undefined => (snapshot as Partial<InternalSnapshot>)[CORE]
