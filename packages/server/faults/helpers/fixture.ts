/**
 * What the fault suite's server processes serve (`FLOWKIT_DEFINITIONS`): the example enrollment flow, with a
 * server-only payment action that appends each run to the file `FAULT_LEDGER` names. Appends survive a SIGKILL of
 * the server, so the suite can count how often each payment ran, and with which idempotency key.
 */
import { appendFileSync } from 'node:fs'
import type { FlowkitHandlerOptions, ServerActionContext } from '../../src/index'

export { enrollment } from '../../src/examples/enrollment'

const ledger = process.env.FAULT_LEDGER

const capture = async ({ state, idempotencyKey }: ServerActionContext<{ email: string }>) => {
  await new Promise((resolve) => setTimeout(resolve, 20)) // a provider round trip
  if (ledger) appendFileSync(ledger, `${JSON.stringify({ email: state.email, key: idempotencyKey, pid: process.pid })}\n`)
  return { paymentId: `pay_${idempotencyKey}` }
}

export const serverOptions: Partial<FlowkitHandlerOptions> = {
  serverActions: { enrollment: { payment: [capture] } },
  submitLease: Number(process.env.FAULT_LEASE ?? 3000),
}
