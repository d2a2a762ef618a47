const distance = (a: string, b: string): number => {
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

/** `" Did you mean 'review'?"` when one of `known` is close to `name`, else `''`. */
export const didYouMean = (name: string, known: readonly string[]): string => {
  let best = ''
  // Close enough to be a typo, and never a whole different name (no "b" for "a").
  let bestDistance = Math.min(Math.max(2, Math.floor(name.length / 3)), name.length - 1) + 1
  for (const candidate of known) {
    const d = distance(name.toLowerCase(), candidate.toLowerCase())
    if (d < bestDistance) {
      best = candidate
      bestDistance = d
    }
  }
  return best ? ` Did you mean '${best}'?` : ''
}

/** `'cart, payment, review'` */
export const list = (names: readonly string[]): string => names.join(', ')
