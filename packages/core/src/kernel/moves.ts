import { adjacencyOfCompiled, type Compiled, compile } from '../definition/compile'
import { reachableFrom } from '../definition/graph'
import { unknownStepError } from '../definition/unknownStepError'
import type { Issues, StepDef, WorkflowDefinition } from '../types'
import { WorkflowError } from '../WorkflowError'
import { chooseNext, reach, stepOf } from './choose'
import { compiledOf } from './compiled'
import { NO_DRAFTS, setDraft as setIn } from './drafts'
import type { Log } from './log'
import { mergeAt } from './scope'
import { type FlowState, type Frame, moved, NO_ISSUES, NO_SKIPS, type Skip, update } from './state'

/**
 * The moves of a flow, as pure functions of (definition, state, …) returning the next state. They
 * never read a clock (`at` is the event's time) and never run user actions or validators: the
 * runtime (`createWorkflow`) and `replay` do that, then call these with the contribution.
 */

/** The state a definition starts in (the initial step, or the first one after skips); `log` records its journey (see `journeyLog`). */
export const initialState = (definition: WorkflowDefinition, at: number, log: Log | null = null): FlowState => enter(definition, log, at)

/** The flow entered afresh, its journey going on in `log`. Entering starts with no state, drafts or history (a reset drops them). */
const enter = (definition: WorkflowDefinition, log: Log | null, at: number, reset = false): FlowState => {
  const c = compiledOf(definition)
  const { step, skipped } = reach(definition, definition.initial, c.state, c.ids.length)
  return moved(
    step,
    false,
    null,
    skipped,
    NO_DRAFTS,
    log && log.move(reset ? 'reset' : undefined, definition.initial, skipped, 'entered', step, at),
  )
}

/** The state of the flow's data at a frame: the definition's initial state before the first step. */
export const stateAt = (definition: WorkflowDefinition, frame: Frame | null): object => (frame ? frame.state : compiledOf(definition).state)

const draftsWith = (c: Compiled, s: FlowState, step: string, draft: unknown) => setIn(s.drafts, c.shift, c.index.get(step) as number, draft)

/**
 * Completes the current step with its input (a plain copy) and contribution; `def` is the current
 * step's definition, when the caller has it. Throws what choosing the next step throws (NO_CHOICE,
 * AMBIGUOUS_CHOICE, INVALID_TARGET, GUARD_FAILED, SKIP_LOOP).
 */
export const complete = (
  definition: WorkflowDefinition,
  s: FlowState,
  input: unknown,
  patch: Readonly<Record<string, unknown>>,
  at: number,
  def: StepDef<any, string, any> = stepOf(definition, s.step),
): FlowState => {
  const c = compiledOf(definition)
  const id = s.step
  const prev = s.frame
  const state = mergeAt(def, prev ? prev.state : c.state, patch)
  const { summary } = def
  // A repeat's summary's input is a one-off command, not an answer: it says what becomes of the drafts (its own, a record).
  const drafts = summary ? summary.draftsAfter(input, s.drafts, c, state) : input === undefined ? s.drafts : draftsWith(c, s, id, input)
  const { step, skipped } = wayOn(definition, def, id, state, input, c)
  const frame: Frame = { step: id, input, patch, state, skipped, prev, depth: (prev?.depth ?? 0) + 1, line: lineAfter(prev, id) }
  return entered(s, def, frame, step, drafts, at)
}

/** Where completing step `id` (its definition `def`) with `input` leads, over `state`: the final step stays where it is. */
const wayOn = (
  definition: WorkflowDefinition,
  def: StepDef<any, string, any>,
  id: string,
  state: object,
  input: unknown,
  c: Compiled,
): { step: string; skipped: readonly Skip[] } =>
  def.final
    ? { step: id, skipped: NO_SKIPS }
    : reach(definition, typeof def.next === 'string' ? def.next : chooseNext(definition, id, state, input), state, c.ids.length)

/** The state after `frame` completed the current step and the flow entered `step`. Completing the final step ends the flow where it is. */
const entered = (s: FlowState, def: StepDef<any, string, any>, frame: Frame, step: string, drafts: FlowState['drafts'], at: number) =>
  moved(
    step,
    def.final || s.done,
    frame,
    s.start,
    drafts,
    s.log && s.log.move('completed', frame.step, frame.skipped, def.final ? 'done' : 'entered', step, at),
  )

/**
 * Completes the current step with `input` again exactly as `frame` once did on this same path
 * (`frame.prev` is the path's tip, `frame.step` the current step), when `input` is the same answer
 * (compared as JSON, as it was stored: another key order only means the step runs again; a repeat's
 * summary compares its own commands, `RepeatSummary.redoes`): the frame itself goes back on the path,
 * so no validator or action runs again and the steps after it can be redone in turn. This is going
 * forward over answers already given (`goTo` forward, `run(drafts, { until })`). Returns undefined
 * when the frame does not follow this state, for another answer, or when the way on no longer agrees
 * with what it recorded (a guard or skip now answers differently); a step with `redo: false`, and a
 * repeat's summary's remove or change (they move drafts), are never redone.
 */
export const redo = (definition: WorkflowDefinition, s: FlowState, frame: Frame, input: unknown, at: number): FlowState | undefined => {
  if (s.done || frame.prev !== s.frame || frame.step !== s.step) return undefined
  const def = stepOf(definition, s.step)
  const { summary } = def
  if (def.redo === false || (summary ? !summary.redoes(frame.input, input) : JSON.stringify(input) !== JSON.stringify(frame.input)))
    return undefined
  const c = compiledOf(definition)
  const { step, skipped } = wayOn(definition, def, frame.step, frame.state, frame.input, c)
  if (skipped.length !== frame.skipped.length || skipped.some((skip, i) => skip.step !== frame.skipped[i]?.step)) return undefined
  const drafts = summary
    ? summary.draftsAfter(frame.input, s.drafts, c, frame.state)
    : frame.input === undefined
      ? s.drafts
      : draftsWith(c, s, frame.step, frame.input)
  return entered(s, def, frame, step, drafts, at)
}

/** The line of a frame completing `step` after `prev`: `prev`'s line extended in place when `prev` is its tip, else a copy. */
const lineAfter = (prev: Frame | null, step: string): string[] => {
  const line = !prev ? [] : prev.line.length === prev.depth ? prev.line : prev.line.slice(0, prev.depth)
  line.push(step)
  return line
}

/**
 * The drafts once `back` (or `goTo(target)`) undoes `frame`: a repeat's summary puts back what its command
 * moved (a remove's shift), unless `target` is before the repeat (see `RepeatSummary.draftsBack`).
 */
const undone = (definition: WorkflowDefinition, frame: Frame, drafts: FlowState['drafts'], target?: string): FlowState['drafts'] =>
  stepOf(definition, frame.step).summary?.draftsBack(frame.input, drafts, frame.prev, compiledOf(definition), frame.state, target) ?? drafts

/** Undoes the last completion: back to the previous visited step (or reopens the final step when done). */
export const back = (definition: WorkflowDefinition, s: FlowState, at: number): FlowState => {
  const top = s.frame
  if (!top) return s.error || s.issues !== NO_ISSUES ? update(s, { error: null, issues: NO_ISSUES }) : s
  return update(s, {
    frame: top.prev,
    step: top.step,
    done: false,
    drafts: undone(definition, top, s.drafts),
    error: null,
    issues: NO_ISSUES,
    log: s.log && s.log.add('back', top.step, at),
  })
}

const unknownStep = (definition: WorkflowDefinition, what: string, id: string): never => {
  throw unknownStepError(definition, what, id)
}

/**
 * Back to a step visited on the current path (its latest visit). Throws NOT_VISITED or UNKNOWN_STEP;
 * `forward` (the runtime found `id` cannot follow the current step) says so in the NOT_VISITED.
 */
export const goTo = (definition: WorkflowDefinition, s: FlowState, id: string, at: number, forward?: boolean): FlowState => {
  if (id === s.step && !s.done) return s.error || s.issues !== NO_ISSUES ? update(s, { error: null, issues: NO_ISSUES }) : s
  let drafts = s.drafts
  for (let frame = s.frame; frame && !forward; frame = frame.prev) {
    drafts = undone(definition, frame, drafts, id)
    if (frame.step === id) {
      return update(s, {
        frame: frame.prev,
        step: id,
        done: false,
        drafts,
        error: null,
        issues: NO_ISSUES,
        log: s.log && s.log.add('goto', id, at),
      })
    }
  }
  if (!compile(definition).index.has(id)) unknownStep(definition, `goTo('${id}')`, id)
  throw new WorkflowError(
    'NOT_VISITED',
    process.env.NODE_ENV !== 'production' &&
      (forward
        ? `goTo('${id}', { forward: true }): step '${id}' cannot follow ${s.done ? 'the end of the flow' : `step '${s.step}'`}; without { forward: true }, goTo goes back to a step on the path taken so far.`
        : `goTo('${id}'): step '${id}' is not on the path taken so far (${[...new Set(historyOf(s))].join(', ')}); goTo goes back to a visited step or forward to one that can follow the current step.`),
    { category: 'usage', step: id },
  )
}

/**
 * Whether `id` can follow the current step and is not on the path taken (or, `again`, even if it is:
 * a repeat item's step, a loop's): `goTo` it goes forward.
 */
export const isAhead = (definition: WorkflowDefinition, s: FlowState, id: string, again?: boolean): boolean => {
  if (s.done || id === s.step || !compile(definition).index.has(id)) return false
  for (let frame = s.frame; frame && !again; frame = frame.prev) if (frame.step === id) return false
  return reachableFrom(adjacencyOfCompiled(definition, compile(definition)), [s.step]).has(id)
}

/** Back to the start, with no state, drafts or history; the journey log (if any) goes on. */
export const reset = (definition: WorkflowDefinition, s: FlowState, at: number): FlowState => enter(definition, s.log, at, true)

/** Keeps what the user typed for a step without submitting it. `undefined` clears it. Throws UNKNOWN_STEP. */
export const setDraft = (definition: WorkflowDefinition, s: FlowState, step: string, draft: unknown): FlowState => {
  const c = compile(definition)
  if (!c.index.has(step)) unknownStep(definition, `setDraft('${step}')`, step)
  return update(s, { drafts: draftsWith(c, s, step, draft) })
}

/** `s` with a refused input kept as the step's draft; a repeat's summary keeps none (its draft is the record of going on). */
const kept = (definition: WorkflowDefinition, s: FlowState, draft: unknown): FlowState =>
  draft === undefined || stepOf(definition, s.step).summary ? s : setDraft(definition, s, s.step, draft)

/**
 * The submitted input did not validate: the state stays, the input is kept as the step's draft, and the
 * log records which field paths had issues (never their values), for journey insights.
 */
export const reject = (definition: WorkflowDefinition, s: FlowState, draft: unknown, issues: Issues, at: number): FlowState =>
  update(kept(definition, s, draft), {
    error: null,
    issues,
    log: s.log && s.log.add('invalid', s.step, at, Object.keys(issues)),
  })

/** The step failed (an action threw, no choice held…): the state stays, the error is logged, the input is kept as the draft. */
export const fail = (definition: WorkflowDefinition, s: FlowState, error: WorkflowError, draft: unknown, at: number): FlowState =>
  update(kept(definition, s, draft), {
    error,
    issues: NO_ISSUES,
    log: s.log && s.log.add('error', s.step, at, error.code),
  })

/** Visited steps on the current path, oldest first, ending with the current step (unless done). */
export const historyOf = (s: FlowState): string[] => {
  const steps = s.frame ? s.frame.line.slice(0, s.frame.depth) : []
  if (!s.done) steps.push(s.step)
  return steps
}

/** Steps passed over on the current path, in order. */
export const skippedOf = (s: FlowState): string[] => {
  const groups: (readonly Skip[])[] = []
  for (let frame = s.frame; frame; frame = frame.prev) if (frame.skipped.length > 0) groups.push(frame.skipped)
  if (s.start.length > 0) groups.push(s.start)
  const out: string[] = []
  for (let g = groups.length - 1; g >= 0; g--) for (const skip of groups[g] as readonly Skip[]) out.push(skip.step)
  return out
}
