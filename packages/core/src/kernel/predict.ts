import { compile, runsOf, toEndOf } from '../definition/compile'
import { targetsOf } from '../definition/edgesOf'
import type { Progress, WorkflowDefinition } from '../types'
import { chooseNext, skipReason, stepOf } from './choose'
import { stateAt } from './moves'
import type { FlowState } from './state'

/** The rest of the path as far as it can be told now. */
export interface Prediction {
  /** How many steps are predicted to follow the current one, skipped ones left out. */
  readonly count: number
  /** False when a choice ahead cannot be decided yet (or loops): `count` then stops before it. */
  readonly exact: boolean
  /** The fewest steps that must still follow an undecided choice (0 when exact). */
  readonly fewest: number
}

const fewestAfter = (definition: WorkflowDefinition, id: string): number => {
  const toEnd = toEndOf(definition, compile(definition))
  const counts = targetsOf(definition, id).map((t) => toEnd.get(t) ?? 0)
  const fewest = Math.min(...counts)
  return Number.isFinite(fewest) ? fewest : 0
}

/**
 * Walks the predicted rest of the path, evaluating skips and choices on the current state, calling
 * `visit` for each step shown. Runs of steps whose way on is fixed are jumped over when `visit` is
 * not needed, so predicting progress costs the number of decisions ahead, not of steps.
 */
const walk = (definition: WorkflowDefinition, s: FlowState, visit?: (step: string) => void): Prediction => {
  if (s.done) return { count: 0, exact: true, fewest: 0 }
  const c = compile(definition)
  const runs = visit ? undefined : runsOf(definition, c)
  const state = stateAt(definition, s.frame)
  let count = 0
  let id = s.step
  for (let hops = 0; !stepOf(definition, id).final; hops++) {
    const run = runs?.get(id)
    if (run) {
      count += run.count
      id = run.end
      continue
    }
    let to: string
    try {
      if (hops > c.ids.length) throw new Error('loop')
      to = chooseNext(definition, id, state)
    } catch {
      // Cannot decide yet (the choice needs answers not given) or a loop ahead: count what must still come.
      return { count, exact: false, fewest: fewestAfter(definition, id) }
    }
    let came = id
    id = to
    // A repeat's summary ahead tells its own part of the path (see `RepeatSummary.ahead`): its loop would
    // go round for ever on the unchanged state.
    for (let summary = stepOf(definition, id).summary; summary; summary = stepOf(definition, id).summary) {
      let after: string | undefined
      try {
        const ahead = summary.ahead(state, visit, came, definition)
        count += ahead.count
        after = ahead.after
      } catch {
        // A sub-flow's `in` or a guard threw: what comes next cannot be told.
      }
      if (after === undefined) return { count, exact: false, fewest: fewestAfter(definition, id) }
      came = id
      id = after
    }
    let skipped: boolean
    try {
      skipped = skipReason(definition, id, state) !== undefined
    } catch {
      skipped = false
    }
    if (!skipped) {
      count++
      visit?.(id)
    }
  }
  return { count, exact: true, fewest: 0 }
}

/** How much of the rest of the path can be told now (see `Prediction`). */
export const predict = (definition: WorkflowDefinition, s: FlowState): Prediction => walk(definition, s)

/** The steps predicted to follow the current one, skipped ones left out; stops before an undecided choice. */
export const upcomingOf = (definition: WorkflowDefinition, s: FlowState): string[] => {
  const steps: string[] = []
  walk(definition, s, (step) => steps.push(step))
  return steps
}

/** Where the user is on the predicted path. */
export const progressOf = (definition: WorkflowDefinition, s: FlowState, prediction: Prediction = predict(definition, s)): Progress => {
  const position = (s.frame?.depth ?? 0) + (s.done ? 0 : 1)
  return { position, total: position + prediction.count + prediction.fewest, exact: prediction.exact }
}
