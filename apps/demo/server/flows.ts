/**
 * The definitions the demo's Flowkit server serves: the same module the browser runs, so the server
 * can verify a submitted enrollment by replaying it. Loaded by `@flowkit/server`'s ready server through
 * `FLOWKIT_DEFINITIONS` (see `scripts/flowkitServer.ts`).
 */
import type { FlowkitHandlerOptions } from '@flowkit/server'

export { checkout } from '../src/flows/checkout'
export { enrollment } from '../src/flows/enrollment'

/**
 * `authorize` lets anyone see the insights page (`GET /api/flowkit/insights/enrollment`, `…/checkout`): the demo runs on your
 * machine. A real app allows `insights` to its analysts only; without `authorize` the route answers 403. Submitted
 * flows stay undeletable, as without `authorize`.
 *
 * The review step's submission issues a new receipt on every run (the browser's, then the replay's), so the
 * server keeps its own receipt instead of comparing it: without this the replay refuses with STATE_MISMATCH.
 */
export const serverOptions = {
  serverComputed: { enrollment: ['receipt'] },
  authorize: ({ operation, status }) => (operation === 'delete' ? status !== 'submitted' : true),
} satisfies Pick<FlowkitHandlerOptions, 'serverComputed' | 'authorize'>
