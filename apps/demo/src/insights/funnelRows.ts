import type { StepInsights } from './types'

/** One bar of the funnel: of the journeys that reached the step, how many went on, left, or neither (went back, or are still on it). */
export interface FunnelRow {
  readonly step: string
  readonly label: string
  readonly reached: number
  readonly completed: number
  readonly abandoned: number
  /** Reached, but neither completed nor abandoned: went back without finishing it, or still on it. */
  readonly other: number
}

/** The funnel's bars, in the server's step order; each bar's parts add up to `reached`. */
export const funnelRows = (steps: readonly StepInsights[], titleOf: (step: string) => string): FunnelRow[] =>
  steps.map((s) => ({
    step: s.step,
    label: titleOf(s.step),
    reached: s.reached,
    completed: s.completed,
    abandoned: s.abandoned,
    other: Math.max(0, s.reached - s.completed - s.abandoned),
  }))
