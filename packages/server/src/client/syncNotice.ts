import type { SyncNotice } from './types'

const list = (steps: readonly string[]) => (steps.length > 0 ? ` (${steps.map((s) => `'${s}'`).join(', ')})` : '')

/** The notice for a change that came from another tab or device, with a sentence the UI can show as it is. */
export const syncNotice = (kind: SyncNotice['kind'], source: SyncNotice['source'], steps: readonly string[]): SyncNotice => {
  const where = source === 'tab' ? 'another tab' : 'another device'
  const message =
    kind === 'updated'
      ? `This flow was changed in ${where}${list(steps)}; this page now shows those answers.`
      : kind === 'merged'
        ? `Changes made in ${where}${list(steps)} were combined with this page's changes to other steps.`
        : `${source === 'tab' ? 'Another tab' : 'Another device'} saved newer answers to the same steps${list(steps)} first; its copy was kept, and what this page changed there was not saved.`
  return { kind, source, steps, at: Date.now(), message }
}
