/**
 * The definitions the demo's Flowkit server serves: the same module the browser runs, so the server
 * can verify a submitted enrollment by replaying it. Loaded by `@flowkit/server`'s ready server through
 * `FLOWKIT_DEFINITIONS` (see `scripts/flowkitServer.ts`).
 */
import type { FlowkitHandlerOptions } from '@flowkit/server'

export { enrollment } from '../src/flows/enrollment'

/**
 * The review step's submission issues a new receipt on every run (the browser's, then the replay's), so the
 * server keeps its own receipt instead of comparing it: without this the replay refuses with STATE_MISMATCH.
 */
export const serverOptions = {
  serverComputed: { enrollment: ['receipt'] },
} satisfies Pick<FlowkitHandlerOptions, 'serverComputed'>
