import {
  type FlowState,
  historyOf,
  initialState,
  isPlainObject,
  journeyLog,
  type PersistedSnapshot,
  replay,
  serialize,
  transition,
  unknownStepError,
  type WorkflowDefinition,
  WorkflowError,
} from '@flowkit/core'
import { groupsOf, scopedState } from '../stepGroup'
import { summaryMove } from './summaryMove'

/** One completed step of a seeded path: its id, and optionally what it received and contributed. */
export interface SeedFrame<S extends object = any, K extends string = string> {
  readonly step: K
  /** The input the step was completed with, shown again if the user goes back to it. @default the step's draft */
  readonly input?: unknown
  /** What the step contributed to the state; a sub-flow's or repeat item's step gives its own data (`{ name: 'Ada' }`). @default {} */
  readonly patch?: Partial<S> | Readonly<Record<string, unknown>>
}

/**
 * Where and in what state to open a flow: the step, the state so far, the path taken and what was typed.
 * A sub-flow's step is seeded like any (`at: 'billing.city'`, its data under its key in `state`). For a
 * repeat, `state` holds the items (`{ dependants: [{ name: 'Ada', age: 7 }] }`) and `at` picks one:
 * the walk passes the summary with `{ action: 'change', item }` for an item in `state`, `add` for the next
 * one (`'dependants.1.age'` with one item in `state`), and `continue` for steps past it. List `path`
 * frames with a summary `input` (`{ step: 'dependants', input: { action: 'add' } }`) for other journeys.
 */
export interface WorkflowSeed<S extends object = any, K extends string = string> {
  /**
   * The step to show. With `done: true`, the final step that was completed.
   * @default where `path` leads, or the first step
   */
  readonly at?: K
  /**
   * What the completed steps contributed, merged over the definition's initial `state`. It also decides
   * the path: branches and skips read it. Must be empty at the first step, where nothing is completed yet.
   * @default {}
   */
  readonly state?: Partial<S>
  /**
   * The completed steps, in order, before `at`: step ids or `{ step, input, patch }`. `state` is added to
   * the first one's patch.
   * @default the steps `state` leads through from the start to `at`
   */
  readonly path?: readonly (K | SeedFrame<S, K>)[]
  /** What the user typed per step (`useStep().values`): prefills the current step and those before it. @default {} */
  readonly drafts?: { readonly [P in K]?: unknown }
  /** The flow is finished: its final step (`at`, or the one the path reaches) was completed. @default false */
  readonly done?: boolean
}

const isFrame = (value: unknown): value is SeedFrame => typeof value === 'object' && value !== null && 'step' in value

const mismatch = (id: string, problem: string, step?: string): never => {
  throw new WorkflowError('SNAPSHOT_MISMATCH', `seeding workflow '${id}': ${problem}`, { category: 'snapshot', step })
}

/**
 * A persisted snapshot of `definition` at a step, with a seeded state, path and drafts: resume it with
 * `resumeWorkflow(definition, snapshot)`. The path is walked with the kernel's own moves (its
 * `next` and `skip`; no validation or action runs, the seed gives each step's contribution) and the
 * result goes through core's `replay`, so it is one a user could take. Throws a `WorkflowError`
 * saying what to change when the seed does not fit the definition.
 * @example
 * const snapshot = snapshotAt(checkout, { at: 'payment', state: { cart: { lines: [{ product: 'hoodie', quantity: 1 }], promo: null } } })
 * const flow = resumeWorkflow(checkout, snapshot)
 */
export function snapshotAt<S extends object, K extends string>(
  definition: WorkflowDefinition<S, K>,
  seed: WorkflowSeed<S, K> = {},
): PersistedSnapshot {
  const def = definition as WorkflowDefinition
  const { at, path, drafts = {}, done = false } = seed as WorkflowSeed
  checkSeedSteps(def, [at, ...(path ?? []).map((f) => (isFrame(f) ? f.step : f))])
  const walk = walker(def, seed as WorkflowSeed)
  if (path)
    walkPath(
      walk,
      path.map((f) => (isFrame(f) ? f : { step: f })),
      at,
    )
  else walkTo(walk, done ? at : (at ?? walk.s.step), done, Object.keys((seed as WorkflowSeed).state ?? {}).length > 0)
  if (done && !walk.s.done) {
    if (!def.steps[walk.s.step as K]?.final)
      mismatch(def.id, `\`done\` needs the path to reach the final step; it ends at '${walk.s.step}'.`, walk.s.step)
    walk.complete(undefined)
  }
  if (at !== undefined && walk.s.step !== at)
    mismatch(def.id, `the path leads to step '${walk.s.step}', not '${at}' (${walk.trail()}); leave \`at\` out or fix \`path\`.`, at)
  const unplaced = walk.unplaced()
  if (unplaced.length > 0) {
    mismatch(
      def.id,
      `\`state.${unplaced.join('`, `state.')}\` cannot be seeded: the steps walked (${walk.trail()}) are a sub-flow's or repeat's, which hold only their own data; open the flow at a step after one of its own steps, or leave them out.`,
      walk.s.step,
    )
  }
  const walked = serialize(def, walk.s, { at: walk.now })
  const frames = walked.path.map(({ step, patch }, i) => ({ step, input: walk.inputs[i], patch }))
  // As a live run keeps them: each completed step's input is its draft (a repeat's summary keeps none), then the seeded drafts.
  const answered = frames.filter((f) => f.input !== undefined && !def.steps[f.step]?.summary).map((f) => [f.step, f.input])
  const persisted: PersistedSnapshot = {
    ...walked,
    path: frames,
    drafts: { ...Object.fromEntries(answered), ...(drafts as Record<string, unknown>) },
  }
  // The one replay checks what was walked, as a resume will: a seed that would not resume fails here.
  return replay(def, persisted, { now: () => walk.now, log: journeyLog() }).persisted
}

const checkSeedSteps = (def: WorkflowDefinition, steps: readonly (string | undefined)[]) => {
  for (const step of steps) {
    if (step !== undefined && !Object.hasOwn(def.steps, step))
      throw unknownStepError(def, `seeding workflow '${def.id}' with step '${step}'`, step)
  }
}

interface Walker {
  s: FlowState
  readonly now: number
  readonly inputs: unknown[]
  readonly def: WorkflowDefinition
  /** Completes the current step; `toward` is where the walk goes next (a repeat's summary picks its move by it). */
  complete(frame: SeedFrame | undefined, toward?: string): void
  trail(): string
  /** Keys of the seeded state no walked step could hold (only child steps were walked). */
  unplaced(): string[]
}

/** Completes steps with the kernel's own moves: the seeded state goes into the first step's contribution. */
const walker = (def: WorkflowDefinition, { state = {}, drafts = {} }: WorkflowSeed): Walker => {
  const now = Date.now()
  let seeded = false
  const placed = new Set<string>()
  const walk: Walker = {
    // The seed's journey is logged, so a story's diagram shows the path walked.
    s: initialState(def, now, journeyLog()()),
    now,
    inputs: [],
    def,
    complete(frame, toward) {
      // A sub-flow's or repeat item's step contributes to its own data only: until the walk reaches a step
      // of the flow itself, which takes the whole seeded state, each child step takes its part of it.
      const scoped = groupsOf(def, walk.s.step).length > 0
      const own = scoped ? scopedState(def, walk.s.step, state) : state
      const patch = seeded ? (frame?.patch ?? {}) : { ...(isPlainObject(own) ? own : {}), ...frame?.patch }
      if (!scoped) seeded = true
      else placed.add((groupsOf(def, walk.s.step)[0] as { key: string }).key)
      // A repeat's summary branches on its input (add, change, continue): the walk records the move it makes.
      const move = summaryMove(def, walk.s, frame?.input, toward, (problem) => mismatch(def.id, problem, walk.s.step))
      walk.inputs.push(frame?.input ?? move ?? (drafts as Record<string, unknown>)[walk.s.step])
      try {
        walk.s = transition(def, walk.s, { type: 'complete', input: move ?? patch, patch, at: now })
      } catch (cause) {
        mismatch(
          def.id,
          `${(cause as Error).message} Give \`state\` the answers that choose the path, or list the steps in \`path\`.`,
          walk.s.step,
        )
      }
    },
    trail: () => historyOf(walk.s).join(' → '),
    unplaced: () => (seeded ? [] : Object.keys(state).filter((key) => !placed.has(key))),
  }
  return walk
}

/** Completes the listed steps, each where the flow is. */
const walkPath = (walk: Walker, frames: readonly SeedFrame[], at: string | undefined) => {
  for (const [i, frame] of frames.entries()) {
    if (walk.s.done) mismatch(walk.def.id, `\`path\` goes on after the final step, at '${frame.step}'; end it before.`, frame.step)
    if (walk.s.step !== frame.step) {
      const where = i === 0 ? 'starts at' : `goes from '${frames[i - 1]?.step}' to`
      mismatch(
        walk.def.id,
        `\`path\` lists '${frame.step}' where the flow ${where} '${walk.s.step}' with this state; fix \`path\` or \`state\`.`,
        frame.step,
      )
    }
    walk.complete(frame, frames[i + 1]?.step ?? at)
  }
}

/** Walks along the path the state leads to, to `target` (or to the end when `done`); capped, as a flow may loop. */
const walkTo = (walk: Walker, target: string | undefined, done: boolean, hasState: boolean) => {
  const { def } = walk
  const first = walk.s.step
  if (target === first && !done && hasState) {
    mismatch(
      def.id,
      `'${first}' is the first step, where no step is completed yet, so \`state\` must be empty; prefill the form with \`drafts\`.`,
      first,
    )
  }
  const ids = Object.keys(def.steps)
  for (let hops = 0; !walk.s.done && (done || walk.s.step !== target); hops++) {
    if (hops > ids.length)
      mismatch(
        def.id,
        `step '${target ?? 'the final step'}' is not reached: the path loops (${walk.trail()}); list the steps in \`path\`.`,
        target,
      )
    walk.complete(undefined, target)
  }
  if (target !== undefined && walk.s.step !== target) {
    mismatch(
      def.id,
      `step '${target}' is not on the path this state leads along (${walk.trail()}); change \`state\` (the answers branches and skips read) or list the steps in \`path\`.`,
      target,
    )
  }
}
