/** What one step of syncing did: nothing left to do, made progress (go on), or could not reach the server (wait). */
export type Outcome = 'settled' | 'again' | 'retry'

export interface RetryLoopOptions {
  /** One step of the work; the loop runs it until it is `settled`. */
  readonly step: () => Promise<Outcome>
  /** What a step that threw counts as (it is reported by the caller). */
  readonly crashed: (cause: unknown) => Outcome
  /** Milliseconds `schedule()` waits, so quick changes go as one. */
  readonly debounce: number
  /** First wait after `retry`; doubles up to 30 s, back to this after progress. */
  readonly retryDelay: number
}

/** Runs `step` until settled: debounced, one run at a time, backing off while the server is unreachable. */
export const retryLoop = ({ step, crashed, debounce, retryDelay }: RetryLoopOptions) => {
  let timer: ReturnType<typeof setTimeout> | undefined
  let retryTimer: ReturnType<typeof setTimeout> | undefined
  let wake: (() => void) | null = null
  let running: Promise<void> | null = null
  let delay = retryDelay
  let stopped = false
  const drain = async () => {
    for (let turns = 0; !stopped; ) {
      let outcome: Outcome
      try {
        outcome = await step()
      } catch (cause) {
        outcome = crashed(cause)
      }
      if (outcome === 'settled') return
      if (outcome === 'again') {
        delay = retryDelay
        // A server that keeps answering 409 with older versions must not spin this loop.
        if (++turns < 20) continue
      }
      turns = 0
      await new Promise<void>((resolve) => {
        wake = resolve
        retryTimer = setTimeout(resolve, delay)
      })
      wake = null
      if (outcome === 'retry') delay = Math.min(delay * 2, 30_000)
    }
  }
  const flush = (): Promise<void> => {
    clearTimeout(timer)
    clearTimeout(retryTimer)
    wake?.()
    running ??= drain().finally(() => {
      running = null
      delay = retryDelay
    })
    return running
  }
  return {
    /** Runs now (a wait for a retry ends); resolves when settled. */
    flush,
    /** Runs after the debounce, unless a run is under way (it picks the change up). */
    schedule() {
      clearTimeout(timer)
      if (!running && !stopped) timer = setTimeout(flush, debounce)
    },
    /** Ends a wait for a retry now (the browser is back online). */
    wake: () => wake?.(),
    /** Cancels the debounce, if any (nothing left to send). */
    cancel: () => clearTimeout(timer),
    stop() {
      stopped = true
      clearTimeout(timer)
      clearTimeout(retryTimer)
      wake?.()
    },
  }
}
