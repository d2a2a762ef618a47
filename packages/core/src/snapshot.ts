import { type Core, logEntries, stateOf } from './core'
import { historyOf, progressOf, skippedOf } from './transition'
import type { WorkflowSnapshot } from './types'

/** Where a snapshot keeps the engine's core. A symbol: JSON and `Object.keys` never see it, spreads keep it. */
export const CORE: unique symbol = Symbol.for('flowkit.core')

export type InternalSnapshot = WorkflowSnapshot & { readonly [CORE]: Core }

/** A getter that computes once, on first read, then becomes a plain value. Keeps transitions O(1) in the path. */
const lazy = (target: object, key: string, compute: () => unknown) => {
  Object.defineProperty(target, key, {
    enumerable: true,
    configurable: true,
    get() {
      const value = compute()
      Object.defineProperty(target, key, { value, enumerable: true, configurable: false, writable: false })
      return value
    },
  })
}

/** The public view of a core. `history`, `skipped`, `progress` and `log` are computed when first read. */
export const makeSnapshot = (core: Core): InternalSnapshot => {
  const snapshot = {
    id: core.definition.id,
    step: core.step,
    state: stateOf(core),
    status: core.busy ? 'busy' : core.done ? 'done' : 'idle',
    error: core.error,
    issues: core.issues,
    drafts: core.drafts,
    [CORE]: core,
  } as unknown as InternalSnapshot
  let history: string[] | undefined
  const getHistory = () => {
    history ??= historyOf(core)
    return history
  }
  lazy(snapshot, 'history', getHistory)
  lazy(snapshot, 'skipped', () => skippedOf(core))
  lazy(snapshot, 'progress', () => progressOf(core, getHistory().length))
  lazy(snapshot, 'log', () => logEntries(core.log, core.logLimit))
  return snapshot
}

export const coreOf = (snapshot: WorkflowSnapshot): Core | undefined => (snapshot as Partial<InternalSnapshot>)[CORE]
