import { compile } from '../definition/compile'
import { eachDraft } from '../kernel/drafts'
import { logEntries } from '../kernel/log'
import { historyOf, skippedOf, stateAt } from '../kernel/moves'
import { type Prediction, predict, progressOf, upcomingOf } from '../kernel/predict'
import type { FlowState } from '../kernel/state'
import type { Issues, LogEntry, Progress, WorkflowDefinition, WorkflowSnapshot, WorkflowStatus } from '../types'
import type { WorkflowError } from '../WorkflowError'

/** Where a snapshot keeps the kernel's state. A symbol: JSON and `Object.keys` never see it, spreads keep it. */
export const KERNEL: unique symbol = Symbol.for('flowkit.kernel')

export interface Kernel {
  readonly definition: WorkflowDefinition
  readonly state: FlowState
  readonly busy: boolean
}

export type InternalSnapshot = WorkflowSnapshot & { readonly [KERNEL]: Kernel }

/**
 * The public view of a kernel state. Everything derived (`history`, `skipped`, `upcoming`,
 * `progress`, `log`, `drafts`) is computed on first read and kept, so a transition costs the same
 * whatever the path's length; `progress` jumps over the fixed parts of the path ahead. `toJSON`
 * includes them all.
 */
class Snapshot implements InternalSnapshot {
  readonly id: string
  readonly step: string
  readonly state: object
  readonly status: WorkflowStatus
  readonly error: WorkflowError | null
  readonly issues: Issues
  readonly [KERNEL]: Kernel
  #history?: readonly string[]
  #skipped?: readonly string[]
  #progress?: Progress
  #prediction?: Prediction
  #upcoming?: readonly string[]
  #log?: readonly LogEntry[]
  #drafts?: Readonly<Record<string, unknown>>

  constructor(kernel: Kernel, same?: Snapshot) {
    const s = kernel.state
    this.id = kernel.definition.id
    this.step = s.step
    this.state = stateAt(kernel.definition, s.frame)
    this.status = kernel.busy ? 'busy' : s.done ? 'done' : 'idle'
    this.error = s.error
    this.issues = s.issues
    this[KERNEL] = kernel
    if (same) {
      // Same position and state (only drafts changed): share the derived values, so selectors keep their references.
      this.#history = same.history
      this.#skipped = same.skipped
      this.#progress = same.progress
      this.#upcoming = same.upcoming
      this.#log = same.log
      if (same[KERNEL].state.drafts === s.drafts) this.#drafts = same.drafts
    }
  }

  get history(): readonly string[] {
    this.#history ??= Object.freeze(historyOf(this[KERNEL].state))
    return this.#history
  }

  get skipped(): readonly string[] {
    this.#skipped ??= Object.freeze(skippedOf(this[KERNEL].state))
    return this.#skipped
  }

  get upcoming(): readonly string[] {
    this.#upcoming ??= Object.freeze(upcomingOf(this[KERNEL].definition, this[KERNEL].state))
    return this.#upcoming
  }

  get progress(): Progress {
    if (!this.#progress) {
      const { definition, state } = this[KERNEL]
      this.#prediction ??= predict(definition, state)
      this.#progress = Object.freeze(progressOf(definition, state, this.#prediction))
    }
    return this.#progress
  }

  get log(): readonly LogEntry[] {
    this.#log ??= Object.freeze(logEntries(this[KERNEL].state.log))
    return this.#log
  }

  get drafts(): Readonly<Record<string, unknown>> {
    if (!this.#drafts) {
      const { definition, state } = this[KERNEL]
      const { ids, shift } = compile(definition)
      const drafts: Record<string, unknown> = {}
      eachDraft(state.drafts, shift, (index, draft) => {
        drafts[ids[index] as string] = draft
      })
      this.#drafts = Object.freeze(drafts)
    }
    return this.#drafts
  }

  toJSON() {
    const { id, step, state, status, error, issues, drafts, history, skipped, upcoming, progress, log } = this
    return { id, step, state, status, error, issues, drafts, history, skipped, upcoming, progress, log }
  }
}

export const makeSnapshot = (kernel: Kernel, same?: WorkflowSnapshot): InternalSnapshot =>
  new Snapshot(kernel, same instanceof Snapshot ? same : undefined)

export const kernelOf = (snapshot: WorkflowSnapshot): Kernel | undefined => (snapshot as Partial<InternalSnapshot>)[KERNEL]
