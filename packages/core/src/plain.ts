import { WorkflowError } from './WorkflowError'

/** Nested objects and arrays deeper than this are refused: no form is that deep, a hostile payload may be. */
export const MAX_DEPTH = 64
/** Objects, arrays and values in one input or patch; past it the input is refused rather than copied for seconds. */
export const MAX_NODES = 100_000

/**
 * Freezes what the engine hands to user code (inputs, patches, states), in development and in production: an
 * action that writes to `ctx.state` or `ctx.input` cannot change the definition's state, another instance, the
 * recorded input or the state after a throw (development names the step: `STATE_IMMUTABLE`). Only new objects
 * are frozen on a move; what a state shares with the one before was frozen then.
 */
export const frozen: <T>(value: T) => Readonly<T> = Object.freeze

/** Whether `value` is a plain object (`{}` or `Object.create(null)`): not an array, a class instance, a Map or a Date. */
export const isPlainObject = (value: unknown): value is Record<string, unknown> => {
  if (value === null || typeof value !== 'object') return false
  const proto = Object.getPrototypeOf(value)
  return proto === Object.prototype || proto === null
}

/**
 * Whether nothing enumerable was ever put on Object.prototype (nothing polluted it): then `for…in`
 * over a plain object shows its own keys only, and a copy needs no `Object.hasOwn` per key (for…in
 * collects its keys when it starts, so a check just before it holds).
 */
export const cleanPrototype = (): boolean => {
  for (const _ in Object.prototype) return false
  return true
}

const describe = (value: unknown): string =>
  Array.isArray(value) ? 'an array' : value === null ? 'null' : typeof value === 'object' ? 'an object' : typeof value

interface Walk {
  nodes: number
  limit: number
  /** The value being copied, to tell a cycle from deep data when the depth runs out. */
  root: unknown
  what: string
  step: string
  readonly path: string[]
}

const where = (walk: Walk) => (walk.path.length > 0 ? ` at '${walk.path.join('.')}'` : '')

/** Whether `v` (at the end of the walk's path) is also one of the objects on the way to it from the root: a cycle. */
const onPath = (walk: Walk, v: unknown): boolean => {
  let at = walk.root
  for (const key of walk.path) {
    if (at === v) return true
    at = (at as Record<string, unknown>)[key]
  }
  return false
}

const fail = (walk: Walk, problem: string | false): never => {
  throw new WorkflowError('INVALID_INPUT', process.env.NODE_ENV !== 'production' && `${walk.what} of step '${walk.step}' ${problem}.`, {
    category: 'transition',
    step: walk.step,
    details: { path: walk.path.join('.') },
  })
}

const kindOf = (v: object): string => {
  const name = (Object.getPrototypeOf(v) as { constructor?: { name?: string } } | null)?.constructor?.name
  return name ? `a ${name}` : 'an object with a prototype'
}

/** Why a value that is not JSON cannot be stored, and what to send instead. */
const notJson = (v: unknown): string => {
  if (typeof v === 'bigint') return 'a BigInt, which JSON cannot hold; send it as a string (String(value))'
  if (typeof v === 'number') return `${v}, which JSON cannot hold; send a finite number or null`
  if (typeof v === 'function' || typeof v === 'symbol') return `a ${typeof v}, which cannot be stored; send plain data`
  if (v instanceof Date) return 'a Date, which comes back from storage as a string; send date.toISOString() and parse it where you read it'
  if (v instanceof Map || v instanceof Set)
    return `${kindOf(v as object)}, which JSON cannot hold; send an object or an array (Object.fromEntries / [...set])`
  return `${kindOf(v as object)}, which does not survive JSON; send its plain fields`
}

/**
 * A deep copy of JSON data (plain objects, arrays, strings, finite numbers, booleans, null;
 * `undefined` fields are dropped as JSON drops them), so nothing the caller holds can change the
 * state later; frozen (see `frozen`), so an action that writes to it in place fails. Keys that could pollute
 * prototypes are dropped. Anything JSON cannot carry faithfully (BigInt, Date, Map, Set, functions,
 * class instances, NaN), cyclic, too deep or too large values throw `INVALID_INPUT` naming `what`,
 * the step, the field and what to send instead. Messages are built only when throwing.
 */
export const toPlain = <T>(value: T, what: string, step: string, limit = MAX_NODES): T => {
  // One walk is kept between copies (this runs on every move); a copy made inside a getter gets its own.
  const walk = spare ?? { nodes: 0, limit, root: value, what, step, path: [] }
  spare = undefined
  walk.nodes = 0
  walk.limit = limit
  walk.root = value
  walk.what = what
  walk.step = step
  try {
    const out = copy(value, 0, walk) as T
    // Only a walk that went through is kept: its path is empty again (and it holds on to no input).
    walk.root = undefined
    spare = walk
    return out
  } catch (cause) {
    if (cause instanceof WorkflowError) throw cause
    // A getter that throws, a revoked proxy: the value cannot be read, so it cannot be kept.
    return fail(
      walk,
      process.env.NODE_ENV !== 'production' &&
        `could not be read${where(walk)} (${cause instanceof Error ? cause.message : String(cause)}); send plain data`,
    )
  }
}

let spare: Walk | undefined

/** A JSON leaf (a string, boolean, finite number, null or undefined): kept as it is. */
const isLeaf = (v: unknown): boolean =>
  v == null || typeof v === 'string' || typeof v === 'boolean' || (typeof v === 'number' && Number.isFinite(v))

/** A value inside an object or array: a leaf is counted and kept at once (most of a form's values are); anything else is copied at its path. */
const inner = (v: unknown, key: string | number, depth: number, walk: Walk): unknown => {
  if (isLeaf(v) && ++walk.nodes <= walk.limit) return v
  walk.path.push(String(key))
  const out = copy(v, depth + 1, walk)
  walk.path.pop()
  return out
}

// Plain functions rather than closures: this runs on every transition.
function copy(v: unknown, depth: number, walk: Walk): unknown {
  if (++walk.nodes > walk.limit)
    fail(walk, process.env.NODE_ENV !== 'production' && `has more than ${walk.limit} values; send only the fields of this step`)
  if (isLeaf(v)) return v
  const isArray = Array.isArray(v)
  if (!isArray && !isPlainObject(v)) return fail(walk, process.env.NODE_ENV !== 'production' && `has${where(walk)} ${notJson(v)}`)
  // A cycle nests without end: it is told from deep data where the depth runs out (development only), not looked for at every object.
  if (depth > MAX_DEPTH) {
    fail(
      walk,
      process.env.NODE_ENV !== 'production' &&
        (onPath(walk, v)
          ? 'contains a cycle (an object that contains itself); send plain data'
          : `is nested more than ${MAX_DEPTH} levels deep; flatten it`),
    )
  }
  let out: unknown[] | Record<string, unknown>
  if (isArray) {
    out = new Array((v as unknown[]).length)
    for (let i = 0; i < out.length; i++) {
      const item = inner((v as unknown[])[i], i, depth, walk)
      // JSON turns undefined array items into null; so does the copy, so a stored array reads back the same.
      out[i] = item === undefined ? null : item
    }
  } else {
    out = {}
    // for…in allocates no list of keys; what it finds on the prototype (Object.prototype, if it was ever written to) is not copied.
    const own = cleanPrototype()
    for (const key in v as object) {
      // Keys that could pollute prototypes are dropped (three comparisons cost less than a Set lookup per key).
      if (key === '__proto__' || key === 'constructor' || key === 'prototype' || (!own && !Object.hasOwn(v as object, key))) continue
      const value = inner((v as Record<string, unknown>)[key], key, depth, walk)
      if (value !== undefined) out[key] = value
    }
  }
  return frozen(out)
}

/** Checks that a value that must merge into the state is an object, and copies it (frozen). */
export const toPatch = (value: unknown, what: string, step: string): Readonly<Record<string, unknown>> => {
  if (value === undefined || value === null) return EMPTY
  if (!isPlainObject(value)) {
    throw new WorkflowError(
      'INVALID_INPUT',
      process.env.NODE_ENV !== 'production' &&
        `${what} of step '${step}' is ${describe(value)}, not an object; ${
          what === 'the input'
            ? 'a step without actions merges its input into the state, so send an object, or add an action that returns a patch'
            : 'it must be an object'
        }.`,
      { category: 'transition', step },
    )
  }
  return toPlain(value, what, step)
}

const EMPTY: Readonly<Record<string, unknown>> = Object.freeze({})
