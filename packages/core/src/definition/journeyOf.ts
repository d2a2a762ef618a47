import type { LogEntry } from '../types'

/** One step on the path a run took: shown, or passed over by `skip`. */
export interface JourneyStep {
  readonly step: string
  readonly skipped: boolean
}

/** The path of a run, read from its journey log. */
export interface Journey {
  /** The current path in order, skipped steps included where they were passed over. Steps undone by back/goTo/reset are not in it. */
  readonly path: readonly JourneyStep[]
  /** The step the user is on (or the final step completed, when `done`); undefined for an empty log. */
  readonly current: string | undefined
  readonly done: boolean
}

const popTo = (path: JourneyStep[], step: string) => {
  while (path.length > 0) {
    const last = path.at(-1) as JourneyStep
    if (!last.skipped && last.step === step) return
    path.pop()
  }
}

/**
 * Replays a journey log (`snapshot.log`) into the path taken: `back` and `goTo` drop the steps they undo,
 * `reset` starts over. A log cut short by its `limit` (see `journeyLog`) gives the path since its first entry.
 * @example
 * journeyOf(flow.getSnapshot().log).path // [{ step: 'cart', skipped: false }, { step: 'shipping', skipped: true }, …]
 */
export const journeyOf = (log: readonly LogEntry[]): Journey => {
  const path: JourneyStep[] = []
  let current: string | undefined
  let done = false
  for (const entry of log) {
    switch (entry.type) {
      case 'entered':
        if (path.at(-1)?.step !== entry.step || path.at(-1)?.skipped) path.push({ step: entry.step, skipped: false })
        current = entry.step
        done = false
        break
      case 'skipped':
        path.push({ step: entry.step, skipped: true })
        break
      case 'done':
        current = entry.step
        done = true
        break
      case 'back':
      case 'goto':
        popTo(path, entry.step)
        if (path.length === 0) path.push({ step: entry.step, skipped: false })
        current = entry.step
        done = false
        break
      case 'reset':
        path.length = 0
        current = undefined
        done = false
        break
      default:
        break
    }
  }
  return { path, current, done }
}
