import { call } from './faults'

export interface EnrollmentReceipt {
  readonly reference: string
  readonly submittedAt: string
}

let sequence = 0

/** Submits an application with latency, like a back office API. */
export const submitEnrollment = (signal?: AbortSignal): Promise<EnrollmentReceipt> =>
  call(
    'enrollment',
    () => {
      sequence += 1
      return { reference: `ENR-${String(Date.now()).slice(-5)}${sequence}`, submittedAt: new Date().toISOString() }
    },
    signal,
  )
