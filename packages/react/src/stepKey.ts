import type { WorkflowSnapshot } from '@flowkit/core'

/** What is on screen: the current step's id, or a key no step id can be once the flow is done. */
export const stepKey = (s: WorkflowSnapshot): string => (s.status === 'done' ? '\u0000done' : s.step)
