import { isMap, isScalar, isSeq, LineCounter, type Node, type Pair, parseDocument, type YAMLError, type YAMLMap } from 'yaml'
import { type FlowProblem, toPointer } from './problems'

/** How deep a flow document may nest; deeper ones are refused before validation, so nothing recurses without bound. */
export const MAX_DEPTH = 64

/** The largest flow file text read by default, in UTF-8 bytes (1 MiB); `maxBytes` in the load options changes it. */
export const MAX_BYTES = 1024 * 1024

const MAX_NODES = 200_000
const MAX_DUPLICATES = 20

export interface Parsed {
  readonly value: unknown
  readonly problems: FlowProblem[]
  /** Line and column of a path in the source text, when there was text. */
  readonly locate: (path: readonly PropertyKey[], atKey?: boolean) => { line: number; column: number } | undefined
}

const nowhere = () => undefined

/**
 * Parses JSON or YAML text (JSON is YAML), or takes an already parsed value. Never throws. Text longer
 * than `maxBytes` UTF-8 bytes is refused unread; the time taken is linear in the size of the text.
 */
export const parseSource = (source: unknown, maxBytes = MAX_BYTES): Parsed => {
  if (typeof source !== 'string') return { value: source, problems: depthProblems(source), locate: nowhere }
  const size = byteLength(source, maxBytes)
  if (size > maxBytes) return { value: undefined, problems: [tooLarge(size, maxBytes)], locate: nowhere }
  const lines = new LineCounter()
  try {
    // The parser's own uniqueKeys check compares every key with every other (quadratic); duplicateKeys is one pass.
    const doc = parseDocument(source, { lineCounter: lines, uniqueKeys: false, prettyErrors: true, strict: true })
    const position = (node: Node | undefined) => {
      if (!node?.range) return undefined
      const { line, col } = lines.linePos(node.range[0])
      return { line, column: col }
    }
    const index = new WeakMap<YAMLMap, Map<unknown, Pair>>()
    const locate = (path: readonly PropertyKey[], atKey = false) => position(nodeAt(doc.contents as Node | null, path, atKey, index))
    if (doc.errors.length > 0) return { value: undefined, problems: syntaxProblems(doc.errors), locate }
    const duplicates = duplicateKeys(doc.contents as Node | null, position)
    if (duplicates.length > 0) return { value: undefined, problems: duplicates, locate }
    const value = doc.toJS({ maxAliasCount: 100 })
    return { value, problems: depthProblems(value), locate }
  } catch (cause) {
    // The yaml parser recurses per nesting level and caps alias expansion by throwing: both are bad files, not crashes.
    if (cause instanceof RangeError) return { value: undefined, problems: [tooDeep], locate: nowhere }
    const why = cause instanceof Error ? cause.message : String(cause)
    return {
      value: undefined,
      problems: [
        { code: 'PARSE_ERROR', pointer: '', message: `the file could not be read: ${why}.`, hint: 'Check the syntax; avoid alias chains.' },
      ],
      locate: nowhere,
    }
  }
}

/** One problem per distinct message: a runaway construct can repeat the same error thousands of times. */
const syntaxProblems = (errors: readonly YAMLError[]): FlowProblem[] =>
  [...new Map(errors.map((e) => [e.message.split(' at line')[0], e])).values()].slice(0, 20).map((error): FlowProblem => {
    const pos = error.linePos?.[0]
    const first = (error.message.split('\n')[0] ?? error.message).replace(/ at line \d+, column \d+:?$/, '')
    if (/call stack/i.test(first)) return tooDeep
    return {
      code: 'PARSE_ERROR',
      pointer: '',
      message: `the file is not valid JSON or YAML: ${first}`,
      hint: 'Fix the syntax at the line given; a JSON or YAML linter in your editor shows it as you type.',
      ...(pos ? { line: pos.line, column: pos.col } : {}),
    }
  })

/**
 * The node at `path`; with `atKey`, the key of the last map entry (where an unknown key is written).
 * Each map is indexed once, on its first lookup, so locating every problem of a big map stays linear.
 */
const nodeAt = (
  root: Node | null,
  path: readonly PropertyKey[],
  atKey: boolean,
  index: WeakMap<YAMLMap, Map<unknown, Pair>>,
): Node | undefined => {
  let node: Node | null | undefined = root
  for (const [i, segment] of path.entries()) {
    if (isMap(node)) {
      let pairs = index.get(node)
      if (!pairs) {
        pairs = new Map(node.items.map((item) => [(item.key as { value?: unknown } | null)?.value, item]))
        index.set(node, pairs)
      }
      const pair = pairs.get(segment)
      const last = i === path.length - 1
      node = last && atKey ? (pair?.key as Node | undefined) : ((pair?.value as Node | null | undefined) ?? (pair?.key as Node | undefined))
    } else if (isSeq(node) && typeof segment === 'number') node = node.items[segment] as Node | undefined
    else return node ?? undefined
  }
  return node ?? undefined
}

/** The UTF-8 size of `text`, or any number above `max` once it is known to be more. */
const byteLength = (text: string, max: number): number =>
  // A UTF-16 code unit takes at least one UTF-8 byte, so a long string is too big without encoding it.
  text.length > max ? text.length : new TextEncoder().encode(text).byteLength

const tooLarge = (size: number, max: number): FlowProblem => ({
  code: 'TOO_LARGE',
  pointer: '',
  message: `the file is ${size.toLocaleString('en-US')} bytes or more; the limit is ${max.toLocaleString('en-US')} bytes.`,
  hint: 'Split the flow into smaller files, or raise the limit with the maxBytes option (flowkit check --max-bytes <n>) if you trust the file.',
})

/** The text of a map key as a JavaScript object key. */
const keyText = (key: unknown): string => (isScalar(key) ? String(key.value) : JSON.stringify((key as Node | null)?.toJSON() ?? null))

/**
 * A problem for every key that repeats within its map (the first MAX_DUPLICATES), in one pass over the
 * document with one set per map. Aliases are not followed; nesting beyond MAX_DEPTH is left to `depthProblems`.
 */
const duplicateKeys = (root: Node | null, position: (node: Node | undefined) => { line: number; column: number } | undefined) => {
  const problems: FlowProblem[] = []
  const stack: [Node | null | undefined, PropertyKey[]][] = [[root, []]]
  while (stack.length > 0 && problems.length < MAX_DUPLICATES) {
    const [node, path] = stack.pop() as [Node | null | undefined, PropertyKey[]]
    if (path.length > MAX_DEPTH) continue
    if (isSeq(node)) for (const [i, item] of node.items.entries()) stack.push([item as Node, [...path, i]])
    if (!isMap(node)) continue
    const seen = new Map<string, Node | undefined>()
    for (const { key, value } of node.items) {
      const text = keyText(key)
      const first = seen.get(text)
      if (seen.has(text) && problems.length < MAX_DUPLICATES) problems.push(duplicate([...path, text], first, key as Node, position))
      if (!seen.has(text)) seen.set(text, key as Node)
      stack.push([value as Node, [...path, text]])
    }
  }
  return problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0))
}

const duplicate = (
  path: PropertyKey[],
  first: Node | undefined,
  again: Node,
  position: (node: Node | undefined) => { line: number; column: number } | undefined,
): FlowProblem => {
  const before = position(first)
  return {
    code: 'PARSE_ERROR',
    pointer: toPointer(path),
    message: `the key '${String(path.at(-1)).slice(0, 100)}' appears twice in one map${before ? ` (first at line ${before.line})` : ''}; map keys must be unique.`,
    hint: 'Remove one of them, or merge their contents.',
    ...position(again),
  }
}

const tooDeep: FlowProblem = {
  code: 'TOO_DEEP',
  pointer: '',
  message: `the document nests deeper than ${MAX_DEPTH} levels, has more than ${MAX_NODES} values, or refers to itself.`,
  hint: 'Flatten deeply nested conditions: { "all": [a, b, c] } instead of nesting pairs.',
}

/**
 * TOO_DEEP when `value` nests deeper than MAX_DEPTH or is huge (checked without recursion; a cycle
 * nests for ever), and a problem for every `__proto__` key, which objects cannot hold as data.
 */
const depthProblems = (value: unknown): FlowProblem[] => {
  const stack: [unknown, PropertyKey[]][] = [[value, []]]
  const problems: FlowProblem[] = []
  let budget = MAX_NODES
  while (stack.length > 0) {
    const [current, path] = stack.pop() as [unknown, PropertyKey[]]
    if (typeof current !== 'object' || current === null) continue
    if (path.length > MAX_DEPTH || --budget < 0) return [tooDeep]
    for (const key of Object.keys(current)) {
      if (key === '__proto__') {
        problems.push({
          code: 'INVALID_VALUE',
          pointer: toPointer([...path, key]),
          message: "the key '__proto__' is not allowed.",
          hint: 'Rename it.',
        })
        continue
      }
      stack.push([(current as Record<string, unknown>)[key], [...path, Array.isArray(current) ? Number(key) : key]])
    }
  }
  return problems
}
