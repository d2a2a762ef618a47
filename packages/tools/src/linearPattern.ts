import { RE2JS } from 're2js'

/**
 * A field `pattern` compiled for RE2 (the `re2js` port), whose matching time is linear in the input
 * whatever the pattern: `(a+)+b` cannot block the thread, in a browser or on a server replaying a flow.
 */
export interface LinearPattern {
  /** The pattern as written in the file. */
  readonly source: string
  /** Whether the whole of `text` matches. */
  readonly matches: (text: string) => boolean
}

/** JavaScript's `\s` (WhiteSpace and LineTerminator), as a class body; RE2's own `\s` is ASCII only. */
const SPACE = '\\t\\n\\v\\f\\r \\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000\\ufeff'
/** Everything else: JavaScript's `\S`, usable inside a class too. */
const NOT_SPACE =
  '\\u0000-\\u0008\\u000e-\\u001f\\u0021-\\u009f\\u00a1-\\u167f\\u1681-\\u1fff\\u200b-\\u2027\\u202a-\\u202e\\u2030-\\u205e\\u2060-\\u2fff\\u3001-\\ufefe\\uff00-\\u{10ffff}'
/** JavaScript's `.` without the `s` flag: anything but a line terminator (RE2's stops only at `\n`). */
const DOT = '[^\\n\\r\\u2028\\u2029]'

const unsupported = (what: string): never => {
  throw new SyntaxError(
    `it uses ${what}, which field patterns do not support: they run on a linear-time engine (RE2), so no input can make them slow; write the rule without it (several fields, or an enum)`,
  )
}

/** `\p{Script=Greek}` → `\p{Greek}`, `\p{gc=Lu}` → `\p{Lu}`: RE2 names scripts and categories bare. */
const property = (body: string) => body.replace(/^(?:Script|sc|General_Category|gc)=/, '')

/**
 * RE2 source with JavaScript's meaning for a pattern that `new RegExp(pattern, 'u')` accepts: `\s`, `\S`,
 * `.` and `[\b]` spelled out, property names made bare, and what RE2 cannot run in linear time
 * (backreferences, lookahead, lookbehind) refused with a SyntaxError.
 */
const toRe2Source = (pattern: string): string => {
  let out = ''
  let inClass = false
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i] as string
    if (c === '\\') {
      const n = pattern[i + 1] ?? ''
      i++
      if (n === 'k' || /[1-9]/.test(n)) unsupported('a backreference')
      else if (n === 's') out += inClass ? SPACE : `[${SPACE}]`
      else if (n === 'S') out += inClass ? NOT_SPACE : `[${NOT_SPACE}]`
      else if (n === 'b' && inClass) out += '\\x08'
      else if ((n === 'p' || n === 'P') && pattern[i + 1] === '{') {
        const end = pattern.indexOf('}', i)
        out += `\\${n}{${property(pattern.slice(i + 2, end))}}`
        i = end
      } else out += c + n
    } else if (inClass) {
      if (c === ']') inClass = false
      out += c
    } else if (c === '[') {
      inClass = true
      out += c
    } else if (c === '(' && /^\(\?<?[=!]/.test(pattern.slice(i, i + 4))) unsupported('a lookahead or lookbehind')
    else out += c === '.' ? DOT : c
  }
  return RE2JS.translateRegExp(out)
}

/**
 * Compiles a field `pattern` to match whole strings in linear time. Throws a SyntaxError that says what
 * to change when the pattern is not a valid JavaScript regular expression (with the `u` flag) or uses
 * something RE2 cannot run: backreferences, lookarounds, repeats above 1000.
 * @example
 * linearPattern('[0-9]{5}').matches('12345') // true
 * linearPattern('(a+)+b').matches('a'.repeat(10_000)) // false, in milliseconds
 */
export const linearPattern = (pattern: string): LinearPattern => {
  // The file format promises JavaScript syntax; this only parses, it never matches.
  new RegExp(pattern, 'u')
  let compiled: RE2JS
  try {
    compiled = RE2JS.compile(`^(?:${toRe2Source(pattern)})$`)
  } catch (cause) {
    if (cause instanceof SyntaxError) throw cause
    const why = (cause as Error).message.replace(/^error parsing regexp: /, '')
    const fix = why.includes('\\p{') ? '; name a category by its short name (\\p{L}, \\p{Lu}) or a script (\\p{Greek})' : ''
    throw new SyntaxError(`${why}: field patterns run on a linear-time engine (RE2), which refuses it${fix}`)
  }
  return { source: pattern, matches: (text) => compiled.testExact(text) }
}
