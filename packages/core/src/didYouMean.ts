/** Levenshtein distance, giving up (returning `limit`) on long or very different strings, so hostile names cannot stall it. */
const distance = (a: string, b: string, limit: number): number => {
  if (Math.abs(a.length - b.length) >= limit || a.length > 200 || b.length > 200) return limit
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i)
  for (let i = 1; i <= a.length; i++) {
    const row = [i]
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min((prev[j] as number) + 1, (row[j - 1] as number) + 1, (prev[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1))
    }
    prev = row
  }
  return prev[b.length] as number
}

/**
 * `"Did you mean 'review'?"` when one of `known` is close to `name`, else `''`. Close means fewer edits
 * than a third of the name (at least 2), and fewer than its length: 'b' is not a typo of 'a'.
 * @example
 * `step 'reveiw' is not defined. ${didYouMean('reveiw', ['cart', 'review'])}`
 */
export const didYouMean = (name: string, known: Iterable<string>): string => {
  let best = ''
  let bestDistance = Math.min(Math.max(2, Math.floor(name.length / 3)) + 1, name.length)
  for (const candidate of known) {
    const d = distance(name.toLowerCase(), candidate.toLowerCase(), bestDistance)
    if (d < bestDistance) {
      best = candidate
      bestDistance = d
    }
  }
  return best ? `Did you mean '${best}'?` : ''
}

/** `" Did you mean 'review'?"`, to end a sentence, or `''`. */
export const hint = (name: string, known: Iterable<string>): string => {
  const suggestion = didYouMean(name, known)
  return suggestion && ` ${suggestion}`
}

/** `'cart, payment, review'` */
export const list = (names: readonly string[]): string => names.join(', ')
