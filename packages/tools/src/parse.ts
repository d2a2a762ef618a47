import { isMap, isSeq, LineCounter, type Node, parseDocument } from 'yaml'
import { type FlowProblem, toPointer } from './problems'

/** How deep a flow document may nest; deeper ones are refused before validation, so nothing recurses without bound. */
export const MAX_DEPTH = 64

const MAX_NODES = 200_000

export interface Parsed {
  readonly value: unknown
  readonly problems: FlowProblem[]
  /** Line and column of a path in the source text, when there was text. */
  readonly locate: (path: readonly PropertyKey[], atKey?: boolean) => { line: number; column: number } | undefined
}

const nowhere = () => undefined

/** Parses JSON or YAML text (JSON is YAML), or takes an already parsed value. Never throws. */
export const parseSource = (source: unknown): Parsed => {
  if (typeof source !== 'string') return { value: source, problems: depthProblems(source), locate: nowhere }
  const lines = new LineCounter()
  try {
    const doc = parseDocument(source, { lineCounter: lines, uniqueKeys: true, prettyErrors: true, strict: true })
    const locate = (path: readonly PropertyKey[], atKey = false) => {
      const node = nodeAt(doc.contents as Node | null, path, atKey)
      if (!node?.range) return undefined
      const { line, col } = lines.linePos(node.range[0])
      return { line, column: col }
    }
    if (doc.errors.length > 0) {
      // One problem per distinct message: a runaway construct can repeat the same error thousands of times.
      const distinct = [...new Map(doc.errors.map((e) => [e.message.split(' at line')[0], e])).values()].slice(0, 20)
      const problems = distinct.map((error): FlowProblem => {
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
      return { value: undefined, problems, locate }
    }
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

/** The node at `path`; with `atKey`, the key of the last map entry (where an unknown key is written). */
const nodeAt = (root: Node | null, path: readonly PropertyKey[], atKey: boolean): Node | undefined => {
  let node: Node | null | undefined = root
  for (const [i, segment] of path.entries()) {
    if (isMap(node)) {
      const pair: { key: unknown; value: unknown } | undefined = node.items.find(
        (item) => (item.key as { value?: unknown } | null)?.value === segment,
      )
      const last = i === path.length - 1
      node = last && atKey ? (pair?.key as Node | undefined) : ((pair?.value as Node | null | undefined) ?? (pair?.key as Node | undefined))
    } else if (isSeq(node) && typeof segment === 'number') node = node.items[segment] as Node | undefined
    else return node ?? undefined
  }
  return node ?? undefined
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
