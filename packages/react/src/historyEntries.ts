/**
 * The history entries this flow wrote in this session, and where the browser is among them, so that the
 * flow's own Back can move the browser back (`go(-n)`) instead of stacking a new entry.
 */
export interface HistoryEntries {
  /** Records a new entry after the current one (dropping the forward ones, as browsers do). */
  push(step: string): void
  /** How far back `step` is on the entries (1 = the previous one), or 0 when it is not there. */
  distanceBack(step: string): number
  /** Moves the position by `delta` entries. */
  move(delta: number): void
  /** The current entry now stands for `step`. */
  replace(step: string): void
  /** Follows a location change made by the user: back or forward one entry, or an unknown jump. */
  follow(step: string): void
}

export const historyEntries = (first: string): HistoryEntries => {
  let entries = [first]
  let at = 0
  return {
    push(step) {
      entries = [...entries.slice(0, at + 1), step]
      at = entries.length - 1
    },
    distanceBack(step) {
      const index = entries.lastIndexOf(step, at - 1)
      return index < 0 ? 0 : at - index
    },
    replace(step) {
      entries[at] = step
    },
    move(delta) {
      at = Math.min(Math.max(at + delta, 0), entries.length - 1)
    },
    follow(step) {
      if (entries[at - 1] === step) at--
      else if (entries[at + 1] === step) at++
      else if (entries[at] !== step) {
        entries = [step]
        at = 0
      }
    },
  }
}
