import { isPlainObject } from '../plain'
import type { PersistedSnapshot } from '../types'

/**
 * `stored` with the excluded fields this instance still holds put back: storage never has them (`exclude`), so a
 * snapshot another tab saved would otherwise wipe the card number this tab was given. A step's input and patch come
 * from this instance's frame at the same place on the path, for the same step; a draft from its draft of the same
 * step. Only fields `stored` lacks are taken, and only where `stored` has the object they belong in. Anything not
 * shaped like a snapshot is returned as it is, for the resume to report.
 */
export const keepExcluded = (stored: PersistedSnapshot, mine: PersistedSnapshot, paths: readonly string[][]): PersistedSnapshot => {
  if (!isPlainObject(stored) || !Array.isArray(stored.path)) return stored
  const put = (target: unknown, source: unknown) => paths.reduce((out, keys) => graft(out, source, keys, 0), target)
  const path = stored.path.map((frame, i) => {
    const own = mine.path[i]
    if (!own || !isPlainObject(frame) || own.step !== frame.step) return frame
    const input = put(frame.input, own.input)
    const patch = put(frame.patch, own.patch) as typeof frame.patch
    return input === frame.input && patch === frame.patch ? frame : { ...frame, input, patch }
  })
  const drafts: Record<string, unknown> = {}
  if (!isPlainObject(stored.drafts)) return { ...stored, path }
  for (const [step, draft] of Object.entries(stored.drafts)) drafts[step] = put(draft, mine.drafts?.[step])
  return { ...stored, path, drafts }
}

/** `target` with the fields of `source` at `keys` (from `i`) that it lacks; shares everything it does not change. */
const graft = (target: unknown, source: unknown, keys: readonly string[], i: number): unknown => {
  if (Array.isArray(target) && Array.isArray(source)) {
    let changed = false
    const items = target.map((item, j) => {
      const next = graft(item, source[j], keys, i)
      changed ||= next !== item
      return next
    })
    return changed ? items : target
  }
  if (!isPlainObject(target) || !isPlainObject(source) || i >= keys.length) return target
  const key = keys[i] as string
  let copy: Record<string, unknown> | undefined
  for (const name of key === '*' ? Object.keys(source) : Object.hasOwn(source, key) ? [key] : []) {
    if (!Object.hasOwn(target, name) && i < keys.length - 1) continue
    const next = Object.hasOwn(target, name) ? graft(target[name], source[name], keys, i + 1) : source[name]
    if (next === target[name] && Object.hasOwn(target, name)) continue
    copy ??= { ...target }
    copy[name] = next
  }
  return copy ?? target
}
