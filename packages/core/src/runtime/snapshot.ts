import { compile } from '../definition/compile'
import { eachDraft } from '../kernel/drafts'
import { skippedOf, stateAt } from '../kernel/moves'
import { type Prediction, predict, progressOf, upcomingOf } from '../kernel/predict'
import type { FlowState } from '../kernel/state'
import type { Issues, LogEntry, Progress, WorkflowDefinition, WorkflowSnapshot, WorkflowStatus } from '../types'
import type { WorkflowError } from '../WorkflowError'
import { historyView } from './historyView'

/** Where a snapshot keeps the kernel's state and its definition. Symbols: JSON and `Object.keys` never see them, spreads keep them. */
const FLOW: unique symbol = Symbol.for('flowkit.flowState')
const DEFINITION: unique symbol = Symbol.for('flowkit.definition')

/** What a snapshot is a view of. */
export interface Kernel {
  readonly definition: WorkflowDefinition
  readonly state: FlowState
  readonly busy: boolean
}

/** What a snapshot derives on first read; shared by the snapshots of one position (a keystroke changes drafts only). */
interface Derived {
  history?: readonly string[]
  skipped?: readonly string[]
  progress?: Progress
  prediction?: Prediction
  upcoming?: readonly string[]
  log?: readonly LogEntry[]
}

/** Where a snapshot keeps what it derived and its drafts record: symbols rather than private fields, which cost more to set up, and a snapshot is made on every move (no descriptions: they would only add bytes). */
const DERIVED: unique symbol = Symbol()
const DRAFTS: unique symbol = Symbol()

/**
 * The public view of a kernel state. Everything derived (`history`, `skipped`, `upcoming`,
 * `progress`, `log`, `drafts`) is computed on first read and kept, so a transition costs the same
 * whatever the path's length; `progress` jumps over the fixed parts of the path ahead. `toJSON`
 * includes them all. The public fields are `declare`d and set once in the constructor: a snapshot is
 * made on every move.
 */
class Snapshot implements WorkflowSnapshot {
  declare readonly id: string
  declare readonly step: string
  declare readonly state: object
  declare readonly status: WorkflowStatus
  declare readonly error: WorkflowError | null
  declare readonly issues: Issues
  declare readonly [FLOW]: FlowState
  declare readonly [DEFINITION]: WorkflowDefinition
  declare [DERIVED]: Derived | undefined
  declare [DRAFTS]: Readonly<Record<string, unknown>> | undefined

  constructor(definition: WorkflowDefinition, s: FlowState, busy: boolean, same?: Snapshot) {
    const self = this as { -readonly [P in keyof Snapshot]: Snapshot[P] }
    self.id = definition.id
    self.step = s.step
    self.state = stateAt(definition, s.frame)
    self.status = busy ? 'busy' : s.done ? 'done' : 'idle'
    self.error = s.error
    self.issues = s.issues
    // The kernel's state and definition as two fields, not a kernel object: one object less per move.
    self[FLOW] = s
    self[DEFINITION] = definition
    // Same position and state (only drafts changed): share the derived values, so selectors keep their references.
    this[DERIVED] = same ? cacheOf(same) : undefined
    this[DRAFTS] = same && same[FLOW].drafts === s.drafts ? same.drafts : undefined
  }

  get history(): readonly string[] {
    const d = cacheOf(this)
    d.history ??= historyView(this[FLOW])
    return d.history
  }

  get skipped(): readonly string[] {
    const d = cacheOf(this)
    d.skipped ??= Object.freeze(skippedOf(this[FLOW]))
    return d.skipped
  }

  get upcoming(): readonly string[] {
    const d = cacheOf(this)
    d.upcoming ??= Object.freeze(upcomingOf(this[DEFINITION], this[FLOW]))
    return d.upcoming
  }

  get progress(): Progress {
    const d = cacheOf(this)
    if (!d.progress) {
      const definition = this[DEFINITION]
      const state = this[FLOW]
      d.prediction ??= predict(definition, state)
      d.progress = Object.freeze(progressOf(definition, state, d.prediction))
    }
    return d.progress
  }

  get log(): readonly LogEntry[] {
    const d = cacheOf(this)
    d.log ??= Object.freeze(this[FLOW].log?.entries() ?? [])
    return d.log
  }

  get drafts(): Readonly<Record<string, unknown>> {
    if (!this[DRAFTS]) {
      const { ids, shift } = compile(this[DEFINITION])
      const drafts: Record<string, unknown> = {}
      eachDraft(this[FLOW].drafts, shift, (index, draft) => {
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

/** The snapshot of `state`; `same`, the store's last snapshot when only drafts changed, lends it what it derived. */
export const snapshotOf = (definition: WorkflowDefinition, state: FlowState, busy: boolean, same?: WorkflowSnapshot): WorkflowSnapshot =>
  new Snapshot(definition, state, busy, same instanceof Snapshot ? same : undefined)

/** The kernel state behind a snapshot (or a spread copy of one), else `undefined`. */
export const flowOf = (snapshot: WorkflowSnapshot): FlowState | undefined => (snapshot as Partial<Snapshot>)[FLOW]
