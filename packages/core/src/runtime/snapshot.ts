import { compile } from '../definition/compile'
import { eachDraft } from '../kernel/drafts'
import { logEntries } from '../kernel/log'
import { skippedOf, stateAt } from '../kernel/moves'
import { type Prediction, predict, progressOf, upcomingOf } from '../kernel/predict'
import type { FlowState } from '../kernel/state'
import type { Issues, LogEntry, Progress, WorkflowDefinition, WorkflowSnapshot, WorkflowStatus } from '../types'
import type { WorkflowError } from '../WorkflowError'
import { historyView } from './historyView'

/** Where a snapshot keeps the kernel's state. A symbol: JSON and `Object.keys` never see it, spreads keep it. */
export const KERNEL: unique symbol = Symbol.for('flowkit.kernel')

export interface Kernel {
  readonly definition: WorkflowDefinition
  readonly state: FlowState
  readonly busy: boolean
}

export type InternalSnapshot = WorkflowSnapshot & { readonly [KERNEL]: Kernel }

/** What a snapshot derives on first read; shared by the snapshots of one position (a keystroke changes drafts only). */
interface Derived {
  history?: readonly string[]
  skipped?: readonly string[]
  progress?: Progress
  prediction?: Prediction
  upcoming?: readonly string[]
  log?: readonly LogEntry[]
}

/** Where a snapshot keeps what it derived and its drafts record: symbols rather than private fields, which cost more to set up, and a snapshot is made on every move. */
const DERIVED: unique symbol = Symbol('derived')
const DRAFTS: unique symbol = Symbol('drafts')

/**
 * The public view of a kernel state. Everything derived (`history`, `skipped`, `upcoming`,
 * `progress`, `log`, `drafts`) is computed on first read and kept, so a transition costs the same
 * whatever the path's length; `progress` jumps over the fixed parts of the path ahead. `toJSON`
 * includes them all. The public fields are `declare`d and set once in the constructor: a snapshot is
 * made on every move.
 */
class Snapshot implements InternalSnapshot {
  declare readonly id: string
  declare readonly step: string
  declare readonly state: object
  declare readonly status: WorkflowStatus
  declare readonly error: WorkflowError | null
  declare readonly issues: Issues
  declare readonly [KERNEL]: Kernel
  declare [DERIVED]: Derived | undefined
  declare [DRAFTS]: Readonly<Record<string, unknown>> | undefined

  constructor(kernel: Kernel, same?: Snapshot) {
    const s = kernel.state
    const self = this as { -readonly [P in keyof InternalSnapshot]: InternalSnapshot[P] }
    self.id = kernel.definition.id
    self.step = s.step
    self.state = stateAt(kernel.definition, s.frame)
    self.status = kernel.busy ? 'busy' : s.done ? 'done' : 'idle'
    self.error = s.error
    self.issues = s.issues
    self[KERNEL] = kernel
    // Same position and state (only drafts changed): share the derived values, so selectors keep their references.
    this[DERIVED] = same ? cacheOf(same) : undefined
    this[DRAFTS] = same && same[KERNEL].state.drafts === s.drafts ? same.drafts : undefined
  }

  get history(): readonly string[] {
    const d = cacheOf(this)
    d.history ??= historyView(this[KERNEL].state)
    return d.history
  }

  get skipped(): readonly string[] {
    const d = cacheOf(this)
    d.skipped ??= Object.freeze(skippedOf(this[KERNEL].state))
    return d.skipped
  }

  get upcoming(): readonly string[] {
    const d = cacheOf(this)
    d.upcoming ??= Object.freeze(upcomingOf(this[KERNEL].definition, this[KERNEL].state))
    return d.upcoming
  }

  get progress(): Progress {
    const d = cacheOf(this)
    if (!d.progress) {
      const { definition, state } = this[KERNEL]
      d.prediction ??= predict(definition, state)
      d.progress = Object.freeze(progressOf(definition, state, d.prediction))
    }
    return d.progress
  }

  get log(): readonly LogEntry[] {
    const d = cacheOf(this)
    d.log ??= Object.freeze(logEntries(this[KERNEL].state.log))
    return d.log
  }

  get drafts(): Readonly<Record<string, unknown>> {
    if (!this[DRAFTS]) {
      const { definition, state } = this[KERNEL]
      const { ids, shift } = compile(definition)
      const drafts: Record<string, unknown> = {}
      eachDraft(state.drafts, shift, (index, draft) => {
        drafts[ids[index] as string] = draft
      })
      this[DRAFTS] = Object.freeze(drafts)
    }
    return this[DRAFTS]
  }

  toJSON() {
    const { id, step, state, status, error, issues, drafts, history, skipped, upcoming, progress, log } = this
    // A plain copy of `history` (a view on long paths), so the result also survives `structuredClone` and `postMessage`.
    return { id, step, state, status, error, issues, drafts, history: [...history], skipped, upcoming, progress, log }
  }
}

const cacheOf = (snapshot: Snapshot): Derived => {
  snapshot[DERIVED] ??= {}
  return snapshot[DERIVED]
}

export const makeSnapshot = (kernel: Kernel, same?: WorkflowSnapshot): InternalSnapshot =>
  new Snapshot(kernel, same instanceof Snapshot ? same : undefined)

export const kernelOf = (snapshot: WorkflowSnapshot): Kernel | undefined => (snapshot as Partial<InternalSnapshot>)[KERNEL]
