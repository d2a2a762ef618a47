import { type RateLimiterAbstract, RateLimiterMemory, type RateLimiterRes } from 'rate-limiter-flexible'
import { refusal } from './http/errors'

/** `{ points, duration }`: at most `points` per `duration` seconds per caller; or a rate-limiter-flexible limiter. */
export type Limit = { readonly points: number; readonly duration: number } | RateLimiterAbstract

/** What the Node adapter knows about a request beyond the Fetch `Request`. */
export interface RequestInfo {
  /** The peer's address, e.g. `'127.0.0.1'`; behind a proxy, derive the caller from a header in `limits.key` instead. */
  readonly remoteAddress?: string | undefined
}

export interface LimitOptions {
  /** Requests per caller, every operation counted. `false`: none. @default false */
  readonly requests?: Limit | false
  /** Instances a caller may start. `false`: no cap. @default false */
  readonly instances?: Limit | false
  /**
   * Who the caller is. Behind a reverse proxy, read the client address from its header here, or use your user id.
   * @default the peer address (`serve()` passes it), else one key for every caller
   */
  readonly key?: (request: Request, info: RequestInfo) => string | Promise<string>
}

const limiterOf = (limit: Limit | false | undefined): RateLimiterAbstract | undefined =>
  !limit ? undefined : 'consume' in limit ? limit : new RateLimiterMemory({ points: limit.points, duration: limit.duration })

const isRefusal = (value: unknown): value is RateLimiterRes =>
  typeof value === 'object' && value !== null && !(value instanceof Error) && 'msBeforeNext' in value

/**
 * Per-caller limits on top of rate-limiter-flexible: in memory by default (per process), or any of its stores
 * (`RateLimiterPostgres`, `RateLimiterRedis`…) passed as a limiter, to share one budget across processes.
 */
export const createLimits = (options: LimitOptions = {}) => {
  const requests = limiterOf(options.requests)
  const instances = limiterOf(options.instances)
  const keyOf = (request: Request, info: RequestInfo): string | Promise<string> =>
    options.key ? options.key(request, info) : (info.remoteAddress ?? 'anyone')
  const consume = async (limiter: RateLimiterAbstract, key: string, refuse: (seconds: number) => Error) => {
    try {
      await limiter.consume(key)
    } catch (outcome) {
      if (isRefusal(outcome)) throw refuse(outcome.msBeforeNext / 1000)
      throw outcome // the limiter's own store failed
    }
  }
  return {
    /** Counts one request of the caller; 429 `RATE_LIMITED` with `Retry-After` over the limit. */
    request: async (request: Request, info: RequestInfo): Promise<string> => {
      const key = await keyOf(request, info)
      if (requests) {
        await consume(requests, key, (seconds) =>
          refusal('RATE_LIMITED', `too many requests from this caller; try again in ${Math.ceil(seconds)} s.`, {
            details: { retryAfter: seconds },
          }),
        )
      }
      return key
    },
    /** Counts one new instance of the caller; 429 `TOO_MANY_INSTANCES` over the cap. */
    start: async (key: string) => {
      if (!instances) return
      await consume(instances, key, (seconds) =>
        refusal(
          'TOO_MANY_INSTANCES',
          `this caller started too many flows; continue one of them with its resume link, or try again in ${Math.ceil(seconds)} s.`,
          { details: { retryAfter: seconds } },
        ),
      )
    },
  }
}

export type Limits = ReturnType<typeof createLimits>
