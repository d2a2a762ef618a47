import type { Workflow } from '@flowkit/core'

/**
 * The steps of the repeat item last opened whole from its summary (`useRepeat().change(item)`), per
 * workflow. During a check-answers change they are shown in turn before the way back, as a sub-flow's
 * pages are; an item opened at one answer (`change(item, step)`) returns from that answer.
 */
export const wholeItem = new WeakMap<Workflow, readonly string[]>()
