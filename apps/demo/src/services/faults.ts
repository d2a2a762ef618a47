/** The fake services the demo flows call. Each can be told to fail its next call, so that errors and retries can be tried. */
export type ServiceName = 'promo' | 'address' | 'payment' | 'enrollment'

export const SERVICE_LABELS: Record<ServiceName, string> = {
  promo: 'Promo code check',
  address: 'Address check',
  payment: 'Payment authorization',
  enrollment: 'Enrollment submission',
}

interface Settings {
  /** Milliseconds each call waits, like a real network round trip. */
  latency: number
  /** Services whose next call fails (then the switch turns itself off, so a retry succeeds). */
  failNext: Record<ServiceName, boolean>
}

const settings: Settings = {
  latency: 700,
  failNext: { promo: false, address: false, payment: false, enrollment: false },
}
const listeners = new Set<() => void>()
const notify = () => {
  for (const listener of listeners) listener()
}

/** The current switches (a new object after each change, for `useSyncExternalStore`). */
let view: Readonly<Settings> = { ...settings, failNext: { ...settings.failNext } }
export const getServiceSettings = (): Readonly<Settings> => view
export const subscribeServiceSettings = (listener: () => void): (() => void) => {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

export const setServiceLatency = (ms: number): void => {
  settings.latency = ms
  view = { ...settings, failNext: { ...settings.failNext } }
  notify()
}

export const setFailNext = (service: ServiceName, fail: boolean): void => {
  settings.failNext[service] = fail
  view = { ...settings, failNext: { ...settings.failNext } }
  notify()
}

/** Thrown when a service is unreachable; the message is written for the person using the form. */
export class ServiceUnavailableError extends Error {
  override name = 'ServiceUnavailableError'
}

/** Waits like a network call, honours `signal`, and fails when the service's switch is on. */
export const call = async <T>(service: ServiceName, work: () => T, signal?: AbortSignal): Promise<T> => {
  await new Promise<void>((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason)
    const timer = setTimeout(resolve, settings.latency)
    signal?.addEventListener('abort', () => {
      clearTimeout(timer)
      reject(signal.reason)
    })
  })
  if (settings.failNext[service]) {
    setFailNext(service, false)
    throw new ServiceUnavailableError(
      `The ${SERVICE_LABELS[service].toLowerCase()} service did not respond. Nothing you entered was lost; try again.`,
    )
  }
  return work()
}
