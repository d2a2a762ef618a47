import type { Workflow } from '@flowkit/core'
import { browserHistory, type HistoryAdapter } from '@flowkit/react'

/**
 * `browserHistory()` for a flow whose end is final: once the order is placed, a reload or the back
 * button keeps the confirmation instead of reopening a step (which would drop the order from the state).
 *
 * Why: `useWorkflowHistory` follows the URL's step even when the flow is done; the URL still names the
 * final step, which `goTo` reopens.
 */
export const doneAwareHistory = (workflow: Workflow): HistoryAdapter => {
  const base = browserHistory()
  const done = () => workflow.getSnapshot().status === 'done'
  return {
    read: () => (done() ? null : base.read()),
    write: base.write,
    listen: (listener) =>
      base.listen(() => {
        // Back or forward after the end: stay on the confirmation, and put its entry back on top.
        if (done()) base.write(workflow.getSnapshot().step, 'push')
        else listener()
      }),
  }
}
