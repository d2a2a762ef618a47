import { appendLog, type Core, type Frame, NO_ISSUES, type Skip, stateOf, stepDef, update } from './core'
import { hint, list } from './didYouMean'
import { targetsOf } from './graph'
import { WorkflowError } from './WorkflowError'

/**
 * Pure transitions: each takes a Core and returns the next one. The runtime (`createWorkflow`) only
 * validates input, runs actions and calls these, so replay and resume reuse them as they are.
 */

const describe = (e: unknown) => (e instanceof Error ? e.message : String(e))

/** Runs a user-supplied guard; a throw becomes a `GUARD_FAILED` error naming the step. */
const guard = <T>(step: string, what: string, fn: () => T): T => {
  try {
    return fn()
  } catch (cause) {
    throw new WorkflowError(
      'GUARD_FAILED',
      process.env.NODE_ENV !== 'production' &&
        `${what} of step '${step}' threw: ${describe(cause)}. Guards must not throw; return false instead.`,
      { step, cause },
    )
  }
}

/** The step that follows `id` given `state`. Throws NO_CHOICE, AMBIGUOUS_CHOICE, INVALID_TARGET or GUARD_FAILED. */
export const chooseNext = (core: Core, id: string, state: object): string => {
  const { next, targets } = stepDef(core, id)
  if (typeof next === 'string') return next
  const ctx = { state, step: id }
  if (typeof next === 'function') {
    const to = guard(id, '`next`', () => next(ctx))
    if (to === undefined) {
      throw new WorkflowError(
        'NO_CHOICE',
        process.env.NODE_ENV !== 'production' &&
          `step '${id}' could not choose a next step (its \`next\` returned undefined); make it return one of: ${list(targets ?? [])}.`,
        { step: id },
      )
    }
    if (!targets?.includes(to)) {
      throw new WorkflowError(
        'INVALID_TARGET',
        process.env.NODE_ENV !== 'production' &&
          `step '${id}' chose '${String(to)}', which is not in its targets (${list(targets ?? [])}); add it to \`targets\` or return another step.${hint(String(to), targets ?? [])}`,
        { step: id, details: { to } },
      )
    }
    return to
  }
  const choices = next ?? []
  const matched = choices.filter((c) => c.when && guard(id, `the guard to '${c.to}'`, () => c.when?.(ctx)))
  const name = (c: (typeof choices)[number]) => c.label ?? `to '${c.to}'`
  if (matched.length > 1) {
    throw new WorkflowError(
      'AMBIGUOUS_CHOICE',
      process.env.NODE_ENV !== 'production' &&
        `step '${id}' has ${matched.length} guards that hold (${matched.map(name).join(', ')}); exactly one must, so make their conditions exclusive.`,
      { step: id, details: { matched: matched.map((c) => c.to) } },
    )
  }
  const chosen = matched[0] ?? choices.find((c) => !c.when)
  if (!chosen) {
    throw new WorkflowError(
      'NO_CHOICE',
      process.env.NODE_ENV !== 'production' &&
        `step '${id}' has no guard that holds (${choices.map(name).join(', ')}); add a fallback { to } without \`when\`, or check the state its guards read.`,
      { step: id, details: { guards: choices.map((c) => c.to) } },
    )
  }
  return chosen.to
}

/** Why `id` is skipped given `state`, or undefined when it is shown. */
export const skipReason = (core: Core, id: string, state: object): string | undefined => {
  const { skip } = stepDef(core, id)
  if (!skip) return undefined
  const result = guard(id, '`skip`', () => skip({ state, step: id }))
  if (!result) return undefined
  return typeof result === 'string' ? result : 'skip returned true'
}

/** Follows skips from `target` to the first step that is shown. Capped, so a loop cannot hang. */
const NO_SKIPS: readonly Skip[] = Object.freeze([])

export const reach = (core: Core, target: string, state: object): { step: string; skipped: readonly Skip[] } => {
  if (!stepDef(core, target).skip) return { step: target, skipped: NO_SKIPS }
  const skipped: Skip[] = []
  let step = target
  for (let reason = skipReason(core, step, state); reason !== undefined; reason = skipReason(core, step, state)) {
    skipped.push({ step, reason })
    if (skipped.length > core.compiled.ids.length) {
      throw new WorkflowError(
        'SKIP_LOOP',
        process.env.NODE_ENV !== 'production' &&
          `skipping went round in a loop (${skipped.map((s) => s.step).join(' → ')}); make one of these steps not skippable for this state.`,
        { step },
      )
    }
    step = chooseNext(core, step, state)
  }
  return { step, skipped }
}

const logSkips = (core: Core, log: Core['log'], skipped: readonly Skip[], at: number) => {
  let out = log
  for (const s of skipped) out = appendLog(core, out, 'skipped', s.step, s.reason, at)
  return out
}

/** The core at the start of the flow: the initial step, or the first one after skips. */
export const start = (core: Core, type: 'entered' | 'reset' = 'entered'): Core => {
  const { step, skipped } = reach(core, core.definition.initial, core.definition.state)
  // One timestamp per transition: the clock is read once, and its entries share the moment.
  const at = core.now()
  let log = type === 'reset' ? appendLog(core, core.log, 'reset', core.definition.initial, undefined, at) : core.log
  log = appendLog(core, logSkips(core, log, skipped, at), 'entered', step, undefined, at)
  return update(core, { frame: null, start: skipped, step, done: false, busy: false, error: null, issues: NO_ISSUES, log })
}

/** Completes the current step with its (plain) input and contribution. Throws what `chooseNext`/`reach` throw. */
export const complete = (core: Core, input: unknown, patch: Readonly<Record<string, unknown>>): Core => {
  const id = core.step
  const state = { ...stateOf(core), ...patch }
  const drafts = input === undefined ? core.drafts : { ...core.drafts, [id]: input }
  if (stepDef(core, id).final) {
    const frame: Frame = { step: id, input, patch, state, skipped: [], prev: core.frame }
    const at = core.now()
    const log = appendLog(core, appendLog(core, core.log, 'completed', id, undefined, at), 'done', id, undefined, at)
    return update(core, { drafts, busy: false, error: null, issues: NO_ISSUES, frame, done: true, log })
  }
  const { step, skipped } = reach(core, chooseNext(core, id, state), state)
  const frame: Frame = { step: id, input, patch, state, skipped, prev: core.frame }
  const at = core.now()
  const log = appendLog(
    core,
    logSkips(core, appendLog(core, core.log, 'completed', id, undefined, at), skipped, at),
    'entered',
    step,
    undefined,
    at,
  )
  return update(core, { drafts, busy: false, error: null, issues: NO_ISSUES, frame, step, log })
}

/** Undoes the last completion: back to the previous visited step (or reopens the final step when done). */
export const back = (core: Core): Core => {
  const top = core.frame
  if (!top) return core.error || core.issues !== NO_ISSUES ? update(core, { error: null, issues: NO_ISSUES }) : core
  return update(core, {
    frame: top.prev,
    step: top.step,
    done: false,
    busy: false,
    error: null,
    issues: NO_ISSUES,
    log: appendLog(core, core.log, 'back', top.step),
  })
}

/** Returns to a step visited on the current path (its latest visit). Throws NOT_VISITED or UNKNOWN_STEP. */
export const goTo = (core: Core, id: string): Core => {
  if (id === core.step && !core.done) return update(core, { busy: false, error: null, issues: NO_ISSUES })
  for (let frame = core.frame; frame; frame = frame.prev) {
    if (frame.step === id) {
      return update(core, {
        frame: frame.prev,
        step: id,
        done: false,
        busy: false,
        error: null,
        issues: NO_ISSUES,
        log: appendLog(core, core.log, 'goto', id),
      })
    }
  }
  const ids = core.compiled.ids
  if (!ids.includes(id)) {
    throw new WorkflowError(
      'UNKNOWN_STEP',
      process.env.NODE_ENV !== 'production' &&
        process.env.NODE_ENV !== 'production' &&
        `goTo('${id}'): there is no such step; defined steps: ${list(ids)}.${hint(id, ids)}`,
      {
        step: id,
      },
    )
  }
  const visited = [...new Set(historyOf(core))]
  throw new WorkflowError(
    'NOT_VISITED',
    process.env.NODE_ENV !== 'production' &&
      `goTo('${id}'): step '${id}' is not on the path taken so far (${list(visited)}); goTo can only return to a visited step. Use next() to move forward.`,
    { step: id },
  )
}

/** Visited steps on the current path, oldest first, ending with the current step. */
export const historyOf = (core: Core): string[] => {
  const steps: string[] = core.done ? [] : [core.step]
  for (let frame = core.frame; frame; frame = frame.prev) steps.push(frame.step)
  return steps.reverse()
}

/** Steps passed over on the current path, in order. */
export const skippedOf = (core: Core): string[] => {
  const groups: (readonly Skip[])[] = []
  for (let frame = core.frame; frame; frame = frame.prev) groups.push(frame.skipped)
  groups.push(core.start)
  return groups.reverse().flatMap((g) => g.map((s) => s.step))
}

/** The fewest steps that can still follow `id`, for a lower bound when a choice is undecided. */
const fewestAfter = (core: Core, id: string): number => {
  const counts = targetsOf(stepDef(core, id)).map((t) => core.compiled.toEnd.get(t) ?? 0)
  const fewest = Math.min(...counts)
  return Number.isFinite(fewest) ? fewest : 0
}

/**
 * The steps predicted to follow the current one (skipped ones left out), evaluating skips and choices
 * with the current state, and whether every choice ahead could be decided. `fewest` counts the steps
 * that must still follow an undecided choice.
 */
export const predict = (core: Core): { steps: string[]; exact: boolean; fewest: number } => {
  const steps: string[] = []
  if (core.done) return { steps, exact: true, fewest: 0 }
  const state = stateOf(core)
  let id = core.step
  for (let hops = 0; !stepDef(core, id).final; hops++) {
    let to: string
    try {
      if (hops > core.compiled.ids.length) throw new Error('loop')
      to = chooseNext(core, id, state)
    } catch {
      // Cannot decide yet (the choice needs answers not given) or a loop ahead: count what must still come.
      return { steps, exact: false, fewest: fewestAfter(core, id) }
    }
    id = to
    let skipped: boolean
    try {
      skipped = skipReason(core, id, state) !== undefined
    } catch {
      skipped = false
    }
    if (!skipped) steps.push(id)
  }
  return { steps, exact: true, fewest: 0 }
}
