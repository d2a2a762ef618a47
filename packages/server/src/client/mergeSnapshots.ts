import type { PersistedSnapshot } from '@flowkit/core'
import { canonicalJson } from '@flowkit/core'

/** What `mergeSnapshots` decided. `steps` name the steps each side changed (or, for `conflict`, both did). */
export type MergeOutcome =
  /** Both copies hold the same answers (they may differ in `savedAt` or the log). */
  | { readonly kind: 'same' }
  /** Only this copy changed since the base: keep it. */
  | { readonly kind: 'mine' }
  /** Only the other copy changed since the base: adopt it, nothing of this copy is lost. */
  | { readonly kind: 'theirs' }
  /** The copies changed different steps: `snapshot` holds both changes. */
  | { readonly kind: 'merged'; readonly snapshot: PersistedSnapshot; readonly mine: readonly string[]; readonly theirs: readonly string[] }
  /** Both copies changed the same steps (or both moved through the flow): the other copy wins. */
  | { readonly kind: 'conflict'; readonly steps: readonly string[] }

interface Touched {
  /** Steps whose completed frame was added, removed or changed (completing, going back, resubmitting). */
  readonly path: ReadonlySet<string>
  /** Steps whose draft changed. */
  readonly drafts: ReadonlySet<string>
}

const same = (a: unknown, b: unknown) => canonicalJson(a) === canonicalJson(b)

/** The answers of a copy: everything but when it was saved and its log. */
const answers = (s: PersistedSnapshot) => ({ path: s.path, step: s.step, done: s.done, drafts: s.drafts })

const touched = (base: PersistedSnapshot, copy: PersistedSnapshot): Touched => {
  const path = new Set<string>()
  for (let i = 0; i < Math.max(base.path.length, copy.path.length); i++) {
    const before = base.path[i]
    const after = copy.path[i]
    if (same(before, after)) continue
    if (before) path.add(before.step)
    if (after) path.add(after.step)
  }
  const drafts = new Set<string>()
  for (const step of new Set([...Object.keys(base.drafts ?? {}), ...Object.keys(copy.drafts ?? {})])) {
    if (!same(base.drafts?.[step], copy.drafts?.[step])) drafts.add(step)
  }
  return { path, drafts }
}

const stepsOf = (t: Touched) => new Set([...t.path, ...t.drafts])

/**
 * Three-way merge of two copies of one flow made from the same `base` (the server's copy, or the tab's last read,
 * that both were changed from). The rule, step by step:
 * 1. Equal answers are `same`; a copy equal to the base lost nothing, so the other one is taken (`mine`/`theirs`).
 * 2. The path (the completed steps, in order) is one sequence whose later steps depend on the earlier ones:
 *    when both copies changed it, they `conflict`.
 * 3. Otherwise, when no step was touched by both (its completed frame or its draft), they are `merged`: the path,
 *    current step and log of the copy that moved, and per step the draft of the copy that changed it.
 * 4. Any step touched by both is a `conflict`. The caller then keeps the other copy and says so.
 * With no base (nothing known in common), different answers are a `conflict`.
 */
export function mergeSnapshots(base: PersistedSnapshot | null, mine: PersistedSnapshot, theirs: PersistedSnapshot): MergeOutcome {
  if (same(answers(mine), answers(theirs))) return { kind: 'same' }
  if (!base) return { kind: 'conflict', steps: [] }
  if (same(answers(mine), answers(base))) return { kind: 'theirs' }
  if (same(answers(theirs), answers(base))) return { kind: 'mine' }
  const ours = touched(base, mine)
  const other = touched(base, theirs)
  if (ours.path.size > 0 && other.path.size > 0) {
    return { kind: 'conflict', steps: [...new Set([...ours.path, ...other.path])] }
  }
  const otherSteps = stepsOf(other)
  const overlap = [...stepsOf(ours)].filter((step) => otherSteps.has(step))
  if (overlap.length > 0) return { kind: 'conflict', steps: overlap }
  const mover = ours.path.size > 0 ? mine : theirs
  const drafts: Record<string, unknown> = { ...base.drafts }
  for (const [copy, changed] of [
    [mine, ours.drafts],
    [theirs, other.drafts],
  ] as const) {
    for (const step of changed) {
      if (copy.drafts && Object.hasOwn(copy.drafts, step)) drafts[step] = copy.drafts[step]
      else delete drafts[step]
    }
  }
  return {
    kind: 'merged',
    snapshot: { ...mover, drafts, savedAt: Math.max(mine.savedAt, theirs.savedAt) },
    mine: [...stepsOf(ours)],
    theirs: [...otherSteps],
  }
}

/** The steps whose completed frame or draft differ between two copies (what a tab says changed elsewhere). */
export const changedSteps = (before: PersistedSnapshot, after: PersistedSnapshot): string[] => [...stepsOf(touched(before, after))]

/** Whether two copies hold different answers (not counting `savedAt` and the log). */
export const answersDiffer = (a: PersistedSnapshot, b: PersistedSnapshot): boolean => !same(answers(a), answers(b))
