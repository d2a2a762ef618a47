const MAX_LABEL = 120

/** Line breaks and other control characters, which would end a Mermaid statement. */
const isControl = (code: number) => code < 0x20 || (code >= 0x7f && code <= 0x9f) || code === 0x2028 || code === 0x2029

/**
 * Makes user text safe inside a Mermaid label: every character but ASCII letters, digits, space, `,` and `.`
 * becomes a Mermaid entity (`#34;`), which Mermaid renders as text, never as syntax or HTML.
 * Line breaks and control characters become spaces; long text is cut with `…`.
 * @example
 * escapeMermaid('Pay"]') // 'Pay#34;#93;'
 */
export const escapeMermaid = (text: string): string => {
  const flat = [...text]
    .map((c) => (isControl(c.codePointAt(0) as number) ? ' ' : c))
    .join('')
    .replace(/\s+/g, ' ')
    .trim()
  const chars = [...flat]
  const cut = chars.length > MAX_LABEL ? [...chars.slice(0, MAX_LABEL - 1), '…'] : chars
  return cut.map((c) => (/^[A-Za-z0-9 ,.]$/.test(c) ? c : `#${c.codePointAt(0)};`)).join('')
}
