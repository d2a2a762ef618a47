/**
 * Throws a programmer-mistake error. Call it as `fail(code, process.env.NODE_ENV !== 'production' && message)`:
 * development gets the message saying what was wrong and how to fix it; production builds drop the text
 * and keep `[flowkit] <code>`.
 */
export const fail = (code: string, message: string | false, Type: ErrorConstructor = Error): never => {
  throw new Type(`[flowkit] ${message || code}`)
}
