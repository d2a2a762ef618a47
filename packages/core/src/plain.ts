import { WorkflowError } from './WorkflowError'

const FORBIDDEN = new Set(['__proto__', 'constructor', 'prototype'])
/** Nested objects and arrays deeper than this are refused: no form is that deep, a hostile payload may be. */
export const MAX_DEPTH = 64
/** Objects, arrays and values in one input or patch; past it the input is refused rather than copied for seconds. */
export const MAX_NODES = 100_000

export const isPlainObject = (value: unknown): value is Record<string, unknown> => {
  if (value === null || typeof value !== 'object') return false
  const proto = Object.getPrototypeOf(value)
  return proto === Object.prototype || proto === null
}

const describe = (value: unknown): string =>
  Array.isArray(value) ? 'an array' : value === null ? 'null' : typeof value === 'object' ? 'an object' : typeof value

/**
 * A deep copy of plain objects and arrays, so that nothing the caller holds can change the state later.
 * Keys that could pollute prototypes (`__proto__`, `constructor`, `prototype`) are dropped.
 * Other objects (Date, File, class instances) are kept as they are.
 * Cyclic, too deep or too large values throw `INVALID_INPUT` naming `what` (e.g. 'the input') and the step.
 * Messages are built only when throwing: this runs on every transition.
 */
export const toPlain = <T>(value: T, what: string, step: string): T => copy(value, 0, { nodes: 0, ancestors: [], what, step }) as T

interface Walk {
  nodes: number
  readonly ancestors: object[]
  readonly what: string
  readonly step: string
}

const fail = (walk: Walk, problem: number): never => {
  throw new WorkflowError(
    'INVALID_INPUT',
    process.env.NODE_ENV !== 'production' &&
      `${walk.what} of step '${walk.step}' ${
        [
          `has more than ${MAX_NODES} values; send only the fields of this step`,
          `is nested more than ${MAX_DEPTH} levels deep; flatten it`,
          'contains a cycle (an object that contains itself); send plain data',
        ][problem]
      }.`,
    {
      step: walk.step,
    },
  )
}

// A plain function rather than closures: this runs on every transition.
function copy(v: unknown, depth: number, walk: Walk): unknown {
  if (++walk.nodes > MAX_NODES) fail(walk, 0)
  if (v === null || typeof v !== 'object') return v
  const isArray = Array.isArray(v)
  if (!isArray && !isPlainObject(v)) return v
  if (depth > MAX_DEPTH) fail(walk, 1)
  if (walk.ancestors.includes(v)) fail(walk, 2)
  walk.ancestors.push(v)
  let out: unknown
  if (isArray) {
    out = (v as unknown[]).map((item) => copy(item, depth + 1, walk))
  } else {
    const o: Record<string, unknown> = {}
    for (const key of Object.keys(v)) {
      if (!FORBIDDEN.has(key)) o[key] = copy((v as Record<string, unknown>)[key], depth + 1, walk)
    }
    out = o
  }
  walk.ancestors.pop()
  return out
}

/** Checks that a value that must merge into the state is an object, and copies it safely. */
export const toPatch = (value: unknown, what: string, step: string): Record<string, unknown> => {
  if (value === undefined || value === null) return {}
  if (!isPlainObject(value)) {
    throw new WorkflowError(
      'INVALID_INPUT',
      process.env.NODE_ENV !== 'production' &&
        `${what} of step '${step}' is ${describe(value)}, not an object; ${
          what === 'the input'
            ? 'a step without actions merges its input into the state, so send an object, or add an action that returns a patch'
            : 'it must be an object'
        }.`,
      { step },
    )
  }
  return toPlain(value, what, step)
}

/** A copy of `value` without the fields at the given dot paths (`'card.number'`). */
export const omitPaths = (value: unknown, paths: readonly string[]): unknown => {
  if (paths.length === 0 || !isPlainObject(value)) return value
  let out: Record<string, unknown> = value
  for (const path of paths) out = omitPath(out, path.split('.'))
  return out
}

const omitPath = (obj: Record<string, unknown>, keys: string[]): Record<string, unknown> => {
  const [key, ...rest] = keys as [string, ...string[]]
  if (!Object.hasOwn(obj, key)) return obj
  const copy = { ...obj }
  if (rest.length === 0) delete copy[key]
  else if (isPlainObject(obj[key])) copy[key] = omitPath(obj[key], rest)
  return copy
}
