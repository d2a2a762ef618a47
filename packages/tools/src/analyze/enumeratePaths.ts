import {
  createWorkflow,
  type Issues,
  type WorkflowDefinition,
  type WorkflowError,
  type WorkflowOptions,
  type WorkflowSnapshot,
} from '@flowkit/core'

export interface PathOptions<K extends string = string> {
  /** Sample inputs per step; each is tried where the step comes up. A step without samples is completed with no input. */
  readonly inputs?: { readonly [P in K]?: readonly unknown[] }
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
 * Paths are distinct by the steps they show and skip. Generate one test per path, as XState's
 * model-based testing does.
 * @example
 * const { paths } = await enumeratePaths(checkout, { inputs: { payment: [{ method: 'card' }, { method: 'invoice' }] } })
 * for (const path of paths) test(path.name, async () => { … })
 */
export const enumeratePaths = async <S extends object, K extends string>(
  definition: WorkflowDefinition<S, K>,
  options: PathOptions<K> = {},
): Promise<PathEnumeration<K>> => {
  const { maxPaths = 1000, maxTransitions = 20_000 } = options
  const inputs: { readonly [P in K]?: readonly unknown[] } = options.inputs ?? {}
  const flow = createWorkflow(definition, { now: () => 0, ...options.workflow })
  const paths = new Map<string, FlowPath<K>>()
  const rejected = new Map<string, RejectedInput<K>>()
  let transitions = 0
  let truncated = false
  const given: { step: K; input: unknown }[] = []
  // The path so far, shown and skipped steps interleaved as they happened.
  const trail: string[] = flow.getSnapshot().skipped.map((step) => `${step} (skipped)`)

  const record = (snap: WorkflowSnapshot<S, K>, outcome: PathOutcome, error?: WorkflowError) => {
    const steps = [...snap.history]
    const key = `${outcome}|${trail.join('>')}|${snap.step}|${error?.code ?? ''}`
    if (paths.has(key)) return
    if (paths.size >= maxPaths) {
      truncated = true
      return
    }
    const suffix = outcome === 'done' ? '' : ` (${outcome === 'loop' ? 'loop' : error?.code})`
    paths.set(key, {
      name: `${[...trail, ...(outcome === 'done' ? [] : [snap.step])].join(' → ')}${suffix}`,
      steps,
      skipped: [...snap.skipped],
      inputs: [...given],
      outcome,
      ...(error ? { error } : {}),
      state: snap.state,
    })
  }

  const explore = async (seen: ReadonlySet<string>): Promise<void> => {
    const snap = flow.getSnapshot()
    if (snap.status === 'done') return record(snap, 'done')
    const here = `${snap.step}|${keyOf(snap.state)}`
    if (seen.has(here)) return record(snap, 'loop')
    const samples = Object.hasOwn(inputs, snap.step) ? (inputs[snap.step] ?? [undefined]) : [undefined]
    for (const input of samples.length > 0 ? samples : [undefined]) {
      if (truncated) return
      if (++transitions > maxTransitions) {
        truncated = true
        return
      }
      const after = await flow.next(input)
      if (after.error) {
        record(after, 'error', after.error)
        continue
      }
      if (Object.keys(after.issues).length > 0) {
        const key = `${snap.step}|${keyOf(input)}`
        if (!rejected.has(key)) rejected.set(key, { step: snap.step, input, issues: after.issues })
        continue
      }
      const added = [snap.step, ...after.skipped.slice(snap.skipped.length).map((step) => `${step} (skipped)`)]
      given.push({ step: snap.step, input })
      trail.push(...added)
      await explore(new Set([...seen, here]))
      trail.length -= added.length
      given.pop()
      flow.back()
    }
  }

  try {
    await explore(new Set())
  } finally {
    flow.destroy()
  }
  return { paths: [...paths.values()], rejected: [...rejected.values()], truncated }
}
