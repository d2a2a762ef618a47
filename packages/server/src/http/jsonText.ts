import { BACKSLASH, CLOSE_BRACE, CLOSE_BRACKET, COLON, COMMA, OPEN_BRACE, OPEN_BRACKET, QUOTE } from './jsonChars'

/** The JSON text each parsed value came from (a request body, a member of it): a store writes it as it is. */
const texts = new WeakMap<object, string>()

/** Remembers that `value` is what `text` parses to (text that JSON.parse accepted). */
export const keepJsonText = (value: unknown, text: string): void => {
  if (typeof value === 'object' && value !== null) texts.set(value, text)
}

/**
 * The JSON text `value` was parsed from, if kept: `JSON.parse` of it equals `value`, so it can be stored instead
 * of `JSON.stringify(value)`. Only for a value nothing changed since it was parsed.
 */
export const jsonTextOf = (value: unknown): string | undefined =>
  typeof value === 'object' && value !== null ? texts.get(value) : undefined

/** Where the string starting at `i` (a quote) ends: the index after its closing quote. */
const stringEnd = (text: string, i: number) => {
  for (let j = i + 1; j < text.length; j++) {
    const c = text.charCodeAt(j)
    if (c === BACKSLASH) j++
    else if (c === QUOTE) return j + 1
  }
  return text.length
}

/**
 * The text of the value of member `key` of the top-level object in `text` (valid JSON), or `undefined` when the
 * object has it more than once or has a key written with escapes (which could spell `key` another way: then only
 * `JSON.parse` knows which member wins).
 */
export const memberText = (text: string, key: string): string | undefined => {
  if (text.trimStart().charCodeAt(0) !== OPEN_BRACE) return undefined
  const quoted = JSON.stringify(key)
  let depth = 0
  let start = -1
  let found: string | undefined
  let expectKey = false
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c === QUOTE) {
      const end = stringEnd(text, i)
      if (depth === 1 && expectKey) {
        const name = text.slice(i, end)
        if (name.includes('\\')) return undefined
        if (name === quoted) {
          if (found !== undefined || start !== -1) return undefined
          start = text.indexOf(':', end) + 1
        }
        expectKey = false
      }
      i = end - 1
    } else if (c === OPEN_BRACE || c === OPEN_BRACKET) {
      depth++
      if (depth === 1) expectKey = true
    } else if (c === CLOSE_BRACE || c === CLOSE_BRACKET || (c === COMMA && depth === 1)) {
      if (depth === 1 && start !== -1) {
        found = text.slice(start, i).trim()
        start = -1
      }
      if (c === COMMA) expectKey = true
      else depth--
    } else if (c === COLON && depth === 1) expectKey = false
  }
  return found
}

/** Keeps the text of `object[key]`, cut from the text `object` was parsed from (see `memberText`). */
export const keepMemberText = (object: Readonly<Record<string, unknown>>, key: string): void => {
  const whole = jsonTextOf(object)
  const text = whole === undefined ? undefined : memberText(whole, key)
  if (text !== undefined) keepJsonText(object[key], text)
}
