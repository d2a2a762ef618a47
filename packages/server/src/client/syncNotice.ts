import { qualifiedStepTitle, type WorkflowDefinition } from '@flowkit/core'
import type { SyncNotice } from './types'

/** A step as users know it, after its sub-flows' and repeats' titles ("Dependants 2: Name"); its id without a definition. */
const titleOf = (definition: WorkflowDefinition<any, any> | undefined, step: string): string =>
  definition ? qualifiedStepTitle(definition, step) : step

const list = (titles: readonly string[]) => {
  const unique = [...new Set(titles)]
  return unique.length > 0 ? ` (${unique.map((s) => `'${s}'`).join(', ')})` : ''
}

/**
 * The notice for a change that came from another tab or device, with a sentence the UI can show as it is.
 * `steps` stay the step ids; the sentence names them by their titles in `definition`.
 */
export const syncNotice = (
  kind: SyncNotice['kind'],
  source: SyncNotice['source'],
  steps: readonly string[],
  definition?: WorkflowDefinition<any, any>,
): SyncNotice => {
  // "in another tab", but "on another device".
  const where = source === 'tab' ? 'in another tab' : 'on another device'
  const named = list(steps.map((step) => titleOf(definition, step)))
  const message =
    kind === 'updated'
      ? `This flow was changed ${where}${named}; this page now shows those answers.`
      : kind === 'merged'
        ? `Changes made ${where}${named} were combined with this page's changes to other steps.`
        : `${source === 'tab' ? 'Another tab' : 'Another device'} saved newer answers to the same steps${named} first; its copy was kept, and what this page changed there was not saved.`
  return { kind, source, steps, at: Date.now(), message }
}
