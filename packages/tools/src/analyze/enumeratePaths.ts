import {
  createWorkflow,
  firstItemOf,
  type Issues,
  type StepDef,
  viewOf,
  type Workflow,
  type WorkflowDefinition,
  WorkflowError,
  type WorkflowOptions,
  type WorkflowSnapshot,
} from '@flowkit/core'

export interface PathOptions<K extends string = string> {
  /**
   * Sample inputs per step; each is tried where the step comes up. A step without samples is completed
   * with no input. A repeat's item step without samples takes those of the same step in item 0
   * (`'dependants.1.name'` takes `'dependants.0.name'`'s). A repeat's summary without samples tries
   * `{ action: 'continue' }` and `{ action: 'add' }`.
   */
  readonly inputs?: { readonly [P in K]?: readonly unknown[] }
  /**
   * At most this many items per repeat are added from its summary (a sample `{ action: 'add' }` is
   * not tried past it), so a repeat of up to 6 items does not multiply the paths six times over;
   * items that `repeat.min` asks for are always added.
   * @default 2
   */
  readonly repeatBound?: number
  /** Stop after this many distinct paths (`truncated` is then true). @default 1000 */
  readonly maxPaths?: number
  /** Stop after this many completed steps in all, so large input sets cannot run for ever. @default 20000 */
  readonly maxTransitions?: number
  /** Options for each engine instance, e.g. `now` for a fixed clock. @default { now: () => 0 } */
  readonly workflow?: Omit<WorkflowOptions, 'snapshot' | 'persist'>
}

/**
 * How a path ends: the flow finished, the engine reported an error, or it came back to a step in the
 * same state (a loop: from there it goes on exactly as on the first visit, so it is not followed again).
 */
export type PathOutcome = 'done' | 'error' | 'loop'

/** One distinct way through the flow, with the inputs that take it. */
export interface FlowPath<K extends string = string> {
  /** The steps in order, e.g. `cart → shipping (skipped) → payment`; use it as a test name. */
  readonly name: string
  /** The steps shown, in order. */
  readonly steps: readonly K[]
  /** The steps passed over by `skip`. */
  readonly skipped: readonly K[]
  /** The input given at each shown step; replay them with `flow.next(input)` to take this path. */
  readonly inputs: readonly { readonly step: K; readonly input: unknown }[]
  readonly outcome: PathOutcome
  /** The engine's error when `outcome` is `'error'` (e.g. `NO_CHOICE`, `ACTION_FAILED`). */
  readonly error?: WorkflowError
  /** The state at the end of the path. */
  readonly state: unknown
}

/** A sample input a step's validation refused; it takes no path. */
export interface RejectedInput<K extends string = string> {
  readonly step: K
  readonly input: unknown
  readonly issues: Issues
}

export interface PathEnumeration<K extends string = string> {
  readonly paths: readonly FlowPath<K>[]
  /** Sample inputs that failed validation, once each. */
  readonly rejected: readonly RejectedInput<K>[]
  /** A limit (`maxPaths`, `maxTransitions`) stopped the search before every path was found. */
  readonly truncated: boolean
}

const keyOf = (value: unknown) => {
  try {
    return JSON.stringify(value) ?? 'undefined'
  } catch {
    return String(value)
  }
}

/**
 * Every distinct path through a flow for the given sample inputs, found by driving the real engine
 * (`createWorkflow`) depth-first: each sample of each step is tried, and `back()` returns to try the next.
 * Paths are distinct by the steps they show and skip. Sub-flows are walked like any steps (their ids
 * are `'<step>.<child step>'`); repeats get up to `repeatBound` items. Generate one test per path, as
 * XState's model-based testing does.
 * @example
 * const { paths } = await enumeratePaths(checkout, { inputs: { payment: [{ method: 'card' }, { method: 'invoice' }] } })
 * for (const path of paths) test(path.name, async () => { … })
 */
export const enumeratePaths = async <S extends object, K extends string>(
  definition: WorkflowDefinition<S, K>,
  options: PathOptions<K> = {},
): Promise<PathEnumeration<K>> => {
  const flow = createWorkflow(definition, { now: () => 0, ...options.workflow }) as unknown as Workflow
  const search: Search = {
    flow,
    samples: samplesOf(definition as unknown as WorkflowDefinition, options),
    maxPaths: options.maxPaths ?? 1000,
    maxTransitions: options.maxTransitions ?? 20_000,
    paths: new Map(),
    rejected: new Map(),
    transitions: 0,
    truncated: false,
    given: [],
    // The path so far, shown and skipped steps interleaved as they happened.
    trail: flow.getSnapshot().skipped.map((step) => `${step} (skipped)`),
  }
  try {
    await explore(search, new Set())
  } finally {
    flow.destroy()
  }
  return {
    paths: [...search.paths.values()],
    rejected: [...search.rejected.values()],
    truncated: search.truncated,
  } as unknown as PathEnumeration<K>
}

type AnyStep = StepDef<any, string, any>

/** How many items a repeat's summary step has: under the summary's key in what the step sees of the state (core's `viewOf`). */
const itemsAt = (step: AnyStep, state: unknown): number => {
  const items = (viewOf(step, state as object) as Record<string, unknown>)[step.summary?.key as string]
  return Array.isArray(items) ? items.length : 0
}

const isAdd = (input: unknown) => (input as { action?: unknown } | undefined)?.action === 'add'

/** The samples of each step: given ones (an item's from item 0's), a summary's continue and add up to `repeatBound` items. */
const samplesOf = (definition: WorkflowDefinition, options: PathOptions) => {
  const inputs = (options.inputs ?? {}) as Readonly<Record<string, readonly unknown[] | undefined>>
  const bound = options.repeatBound ?? 2
  if (!(Number.isInteger(bound) && bound >= 0))
    throw new WorkflowError('INVALID_OPTION', `enumeratePaths: repeatBound must be an integer of 0 or more, not ${String(bound)}.`, {
      category: 'usage',
    })
  const first = firstItemOf(definition)
  const steps = definition.steps as Record<string, AnyStep>
  return (step: string, state: unknown): readonly unknown[] => {
    const own = Object.hasOwn(inputs, step) ? inputs[step] : Object.hasOwn(inputs, first(step)) ? inputs[first(step)] : undefined
    const summary = steps[step]?.summary
    if (!summary) return own && own.length > 0 ? own : [undefined]
    const given = own && own.length > 0 ? own : [{ action: 'continue' }, { action: 'add' }]
    if (itemsAt(steps[step] as AnyStep, state) < Math.min(bound, summary.max)) return given
    const more = given.filter((input) => !isAdd(input))
    return more.length > 0 ? more : [{ action: 'continue' }]
  }
}

/** The depth-first search's state: the one engine instance it drives, what it found, its limits. */
interface Search {
  readonly flow: Workflow
  /** The samples to try at a step, in a state. */
  readonly samples: (step: string, state: unknown) => readonly unknown[]
  readonly maxPaths: number
  readonly maxTransitions: number
  readonly paths: Map<string, FlowPath>
  readonly rejected: Map<string, RejectedInput>
  transitions: number
  truncated: boolean
  readonly given: { step: string; input: unknown }[]
  readonly trail: string[]
}

const record = (search: Search, snap: WorkflowSnapshot, outcome: PathOutcome, error?: WorkflowError) => {
  const key = `${outcome}|${search.trail.join('>')}|${snap.step}|${error?.code ?? ''}`
  if (search.paths.has(key)) return
  if (search.paths.size >= search.maxPaths) {
    search.truncated = true
    return
  }
  const suffix = outcome === 'done' ? '' : ` (${outcome === 'loop' ? 'loop' : error?.code})`
  search.paths.set(key, {
    name: `${[...search.trail, ...(outcome === 'done' ? [] : [snap.step])].join(' → ')}${suffix}`,
    steps: [...snap.history],
    skipped: [...snap.skipped],
    inputs: [...search.given],
    outcome,
    ...(error ? { error } : {}),
    state: snap.state,
  })
}

/** Tries each sample of the current step; after each, explores on from there and comes back with `back()`. */
const explore = async (search: Search, seen: ReadonlySet<string>): Promise<void> => {
  const { flow } = search
  const snap = flow.getSnapshot()
  if (snap.status === 'done') return record(search, snap, 'done')
  const here = `${snap.step}|${keyOf(snap.state)}`
  if (seen.has(here)) return record(search, snap, 'loop')
  for (const input of search.samples(snap.step, snap.state)) {
    if (search.truncated) return
    if (++search.transitions > search.maxTransitions) {
      search.truncated = true
      return
    }
    const after = await flow.next(input)
    if (after.error) {
      record(search, after, 'error', after.error)
      continue
    }
    if (Object.keys(after.issues).length > 0) {
      const key = `${snap.step}|${keyOf(input)}`
      if (!search.rejected.has(key)) search.rejected.set(key, { step: snap.step, input, issues: after.issues })
      continue
    }
    const added = [snap.step, ...after.skipped.slice(snap.skipped.length).map((step) => `${step} (skipped)`)]
    search.given.push({ step: snap.step, input })
    search.trail.push(...added)
    await explore(search, new Set([...seen, here]))
    search.trail.length -= added.length
    search.given.pop()
    flow.back()
  }
}
