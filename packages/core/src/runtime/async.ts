/** Helpers that stay synchronous for synchronous work, so a flow of sync steps never goes `busy`. */

export const isPromiseLike = (value: unknown): value is PromiseLike<unknown> =>
  typeof (value as { then?: unknown } | null)?.then === 'function'

/** Applies `f` now to a value, or later to a promise's result. */
export const andThen = <T, R>(value: T | PromiseLike<T>, f: (value: T) => R | Promise<R>): R | Promise<R> =>
  isPromiseLike(value) ? Promise.resolve(value).then(f) : f(value)

/** Runs `run`; a throw or a rejection goes to `fail`. */
export const settle = <R>(run: () => R | PromiseLike<R>, fail: (error: unknown) => R): R | Promise<R> => {
  try {
    const result = run()
    return isPromiseLike(result) ? Promise.resolve(result).then(undefined, fail) : result
  } catch (error) {
    return fail(error)
  }
}
