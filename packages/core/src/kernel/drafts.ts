/**
 * Drafts, one per step, as a persistent vector indexed by the step's position in the definition: a
 * 32-way trie whose depth is fixed by the number of steps. Setting one draft copies one node per
 * level (at most 32 slots each), never the whole map, so a keystroke costs the same with 10 drafts
 * or 10,000. `undefined` is no draft.
 */
export type Drafts = readonly unknown[]

export const NO_DRAFTS: Drafts = []

/** The bit shift of the trie's root for `size` steps: 0 up to 32 steps, 5 up to 1,024, and so on. */
export const shiftFor = (size: number): number => {
  let shift = 0
  while (size > 32 ** (shift / 5 + 1)) shift += 5
  return shift
}

export const getDraft = (drafts: Drafts, shift: number, index: number): unknown => {
  let node: Drafts | undefined = drafts
  for (let s = shift; s > 0 && node; s -= 5) node = node[(index >>> s) & 31] as Drafts | undefined
  return node?.[index & 31]
}

export const setDraft = (drafts: Drafts | undefined, shift: number, index: number, value: unknown): Drafts => {
  const slot = (index >>> shift) & 31
  const length = drafts ? drafts.length : 0
  let copy: unknown[]
  // A slot that exists (a keystroke): one builtin copy, about 3× faster than a loop over a full node.
  if (slot < length) copy = (drafts as Drafts).slice()
  else {
    // A new slot (a step completed for the first time): made at its size, since a copy that grows past its end is allocated again with slack.
    copy = new Array(slot + 1)
    for (let i = 0; i < length; i++) copy[i] = (drafts as Drafts)[i]
  }
  copy[slot] = shift === 0 ? value : setDraft(drafts?.[slot] as Drafts | undefined, shift - 5, index, value)
  return copy
}

/** Calls `visit` for every draft, in step order. */
export const eachDraft = (drafts: Drafts, shift: number, visit: (index: number, value: unknown) => void, base = 0): void => {
  for (let slot = 0; slot < drafts.length; slot++) {
    const child = drafts[slot]
    if (shift === 0) {
      if (child !== undefined) visit(base + slot, child)
    } else if (child) eachDraft(child as Drafts, shift - 5, visit, base + (slot << shift))
  }
}
