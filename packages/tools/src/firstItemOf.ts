/** Core's rule (a step's counterpart in item 0 of every repeat it is in), where tools' analysis imports it. */
export { firstItemOf } from '@flowkit/core'
