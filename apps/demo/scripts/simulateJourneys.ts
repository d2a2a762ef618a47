/**
 * Simulated journeys through a flow, for trying journey insights: each journey is walked by core's kernel
 * (`initialState` + `transition`, so the log is exactly what a browser's would be), with per-step times, drop-off,
 * validation issues, failed actions, back-tracks and stalls drawn from a profile. No input values are involved.
 */
import {
  type FlowState,
  initialState,
  journeyLog,
  type PersistedSnapshot,
  serialize,
  transition,
  type WorkflowDefinition,
  WorkflowError,
} from '@flowkit/core'

/** How people behave on one step. */
export interface StepProfile {
  /** Median seconds on the step (log-normal). */
  readonly seconds: number
  /** Chance to give up on the step. */
  readonly dropOff: number
  /** Chance that a submission does not validate, and the field paths then named (the first ones more often). */
  readonly invalid?: readonly [chance: number, fields: readonly string[]]
  /** Chance that the step's action fails (a back-office refusal): an `error` entry. */
  readonly fails?: number
  /** Chance to go back from the step instead of completing it. */
  readonly back?: number
  /**
   * The contribution a completion makes to the flow's state (it steers choices and skips), by a random number in
   * [0, 1) and the state so far. The kernel applies it as it is: no input, no actions, no values of anyone.
   */
  readonly patch?: (r: number, state: any) => Readonly<Record<string, unknown>>
}

export interface JourneyProfile {
  /** By step id; `'dependants.*.name'` stands for every item of a repeat, `'home'` for the steps of a sub-flow `home`. */
  readonly steps: Readonly<Record<string, StepProfile>>
  /** Chance that a journey pauses for 10 to 90 minutes at some step, and then that it carries on from another device. */
  readonly stall: number
  readonly otherDevice: number
  /** Chance that a finished journey is submitted to the server. */
  readonly submitted: number
}

/** One simulated journey: the snapshot at its end and where its second device took over (a log index), if any. */
export interface SimulatedJourney {
  readonly snapshot: PersistedSnapshot
  readonly resumeAt: number | null
  readonly submittedAt: number | null
}

/** A seeded pseudo-random generator (mulberry32): the same seed gives the same journeys. */
export const randomFrom = (seed: number) => {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** Log-normal milliseconds around `median` seconds. */
const duration = (random: () => number, median: number) => {
  const normal = Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random())
  return Math.max(300, Math.round(median * 1000 * Math.exp(0.7 * normal)))
}

const FAILED = new WorkflowError('ACTION_FAILED', 'the back office refused it', { category: 'transition' })

/** The fields an invalid submission names: one to three, the first of the list most often. */
const fieldsOf = (random: () => number, fields: readonly string[]) => {
  const picked = new Set<string>()
  const count = 1 + Math.floor(random() * random() * 3)
  while (picked.size < Math.min(count, fields.length)) picked.add(fields[Math.floor(random() * random() * fields.length)] as string)
  return Object.fromEntries([...picked].map((f) => [f, ['invalid']]))
}

const DEFAULT: StepProfile = { seconds: 20, dropOff: 0.05 }

/** The profile of a step: its own, its repeat's (`a.*.b`), its sub-flow's (`a`), or a default. */
const profileOf = (profile: JourneyProfile, step: string): StepProfile =>
  profile.steps[step] ?? profile.steps[step.replace(/\.\d+\./g, '.*.')] ?? profile.steps[step.split('.')[0] as string] ?? DEFAULT

/** Completes the step, or records why the flow refused to go on (no way out fits the state: `NO_CHOICE`…). */
const completeOrFail = (definition: WorkflowDefinition, s: FlowState, p: StepProfile, random: () => number, at: number) => {
  try {
    return transition(definition, s, { type: 'complete', patch: p.patch?.(random(), s.frame?.state ?? definition.state) ?? {}, at })
  } catch (error) {
    if (!(error instanceof WorkflowError)) throw error
    return transition(definition, s, { type: 'fail', error, at })
  }
}

/** One move on the current step: back, invalid, failed, abandoned or completed. After an error, going back is likely. */
const move = (definition: WorkflowDefinition, s: FlowState, p: StepProfile, random: () => number, at: number) => {
  // A refusal (a failed action, no way on that fits the answers) sends most people back, and some away.
  if (s.error && random() < 0.25) return { s, end: true }
  const back = s.error ? 0.6 : (p.back ?? 0)
  if (s.frame && random() < back) return { s: transition(definition, s, { type: 'back', at }), end: false }
  if (p.invalid && random() < p.invalid[0]) {
    return { s: transition(definition, s, { type: 'reject', issues: fieldsOf(random, p.invalid[1]), at }), end: false }
  }
  if (p.fails && random() < p.fails) return { s: transition(definition, s, { type: 'fail', error: FAILED, at }), end: false }
  if (random() < p.dropOff) return { s, end: true }
  return { s: completeOrFail(definition, s, p, random, at), end: false }
}

/** Walks one journey that starts at `start`. */
export const simulateJourney = (
  definition: WorkflowDefinition,
  profile: JourneyProfile,
  random: () => number,
  start: number,
): SimulatedJourney => {
  let s = initialState(definition, start, journeyLog({ limit: 10_000 })())
  let at = start
  let resumeAt: number | null = null
  const stallAt = random() < profile.stall ? Math.floor(random() * 6) : -1
  for (let moves = 0; moves < 80 && !s.done; moves++) {
    const p = profileOf(profile, s.step)
    at += duration(random, p.seconds)
    if (moves === stallAt) {
      at += (10 + Math.floor(random() * 80)) * 60_000
      if (random() < profile.otherDevice) resumeAt = serialize(definition, s, { at }).log.length
    }
    const next = move(definition, s, p, random, at)
    if (next.end) break
    s = next.s
  }
  const submittedAt = s.done && random() < profile.submitted ? at + 500 : null
  return { snapshot: serialize(definition, s, { at }), resumeAt, submittedAt }
}
