import { composeWorkflow, isWorkflowError, type WorkflowDefinition, WorkflowError } from '@flowkit/core'
import { buildDefinition } from './buildDefinition'
import { checkReferences } from './checkReferences'
import { fileProblemsOf } from './fileProblem'
import { type FlowFile, FlowFileSchema, type StepFile, StepSchema } from './format'
import { type Parsed, parseSource } from './parse'
import { type FlowProblem, formatProblems } from './problems'
import type { WorkflowRegistry } from './registry'
import { type FileLoader, resolveSubflows } from './subflows'
import { zodProblems } from './zodProblems'

/** What `checkWorkflow` found: the definition when the file is sound, and every problem otherwise. */
export interface WorkflowCheck<S extends object = Record<string, any>, K extends string = string> {
  /** The definition, as `composeWorkflow` returns it; undefined when there are problems. */
  readonly definition: WorkflowDefinition<S, K> | undefined
  /** The validated file. */
  readonly file: FlowFile | undefined
  /** Every problem at once, in document order of discovery. Empty when the file is sound. */
  readonly problems: readonly FlowProblem[]
  /**
   * The sound sub-flow files the load read (those included by included files too), each with its
   * definition: analyse them on their own too, since a sub-flow's declarative guards are judged there.
   */
  readonly subflows?: readonly { readonly file: string; readonly definition: WorkflowDefinition }[]
}

/** Limits on what a flow file may cost to read. */
export interface LoadOptions {
  /**
   * Where the text came from: sub-flow files named in the file's `flows` are found relative to it.
   * @example
   * loadWorkflow(text, registry, { path: 'flows/checkout.flow.yaml', readFile: (p) => readFileSync(p, 'utf8') })
   */
  readonly path?: string
  /**
   * Reads a sub-flow file a flow names in its `flows` (`address: ./address.flow.yaml`), given its path
   * joined to `path`. Without it, such a file is an `INVALID_SUBFLOW` problem; sub-flows in
   * `registry.flows` need no files. Each file read gets the same `maxBytes`; at most 100 files per load.
   */
  readonly readFile?: (path: string) => string
  /**
   * The largest text read, in UTF-8 bytes; a bigger file is refused unread with a `TOO_LARGE` problem.
   * Parsed objects are not measured (they are refused past 200,000 values instead).
   * @default 1048576 (1 MiB)
   * @example
   * checkWorkflow(text, { maxBytes: 4 * 1024 * 1024 }) // a generated flow of up to 4 MiB
   */
  readonly maxBytes?: number
}

export interface CheckOptions extends LoadOptions {
  /**
   * The actions, guards and sub-flows the file names. Leave it out to check a file on its own (as the CLI does):
   * names are then not checked, and an action that is not registered fails when it runs.
   */
  readonly registry?: WorkflowRegistry
}

const salvageable = ['next', 'actions', 'skip', 'fields'] as const

/**
 * Reference problems (unknown steps, actions, guards) of a file that failed the schema, so one run
 * reports them too: steps that pass are checked whole; of the others, the parts that pass on their own.
 */
const partialReferences = (value: unknown, registry: WorkflowRegistry | undefined): FlowProblem[] => {
  const { steps, initial } = (value ?? {}) as { steps?: unknown; initial?: unknown }
  if (typeof steps !== 'object' || steps === null || Array.isArray(steps)) return []
  const valid: Record<string, StepFile> = {}
  const salvaged = new Set<string>()
  for (const [id, step] of Object.entries(steps)) {
    const parsed = StepSchema.safeParse(step)
    if (parsed.success) valid[id] = parsed.data
    else if (typeof step === 'object' && step !== null && !Array.isArray(step)) {
      const parts: Record<string, unknown> = {}
      for (const key of salvageable) {
        const part = StepSchema.shape[key].safeParse((step as Record<string, unknown>)[key])
        if (part.success && part.data !== undefined) parts[key] = part.data
      }
      valid[id] = parts as StepFile
      salvaged.add(id)
    }
  }
  const file = { id: '', initial, steps: valid } as FlowFile
  return checkReferences(file, registry, { ids: Object.keys(steps), salvaged })
}

/** `problems` located in the parsed text, each once (a sub-flow file used by two files reports its problems once). */
const locatedIn = (parsed: Parsed, problems: readonly FlowProblem[]): FlowProblem[] => {
  const seen = new Set<string>()
  return problems.flatMap((p): FlowProblem[] => {
    const key = `${p.file ?? ''} ${p.code} ${p.pointer} ${p.line ?? ''}:${p.column ?? ''} ${p.message}`
    if (seen.has(key)) return []
    seen.add(key)
    if (p.line !== undefined || p.file !== undefined) return [p]
    const path = p.pointer
      .split('/')
      .slice(1)
      .map((s) => s.replaceAll('~1', '/').replaceAll('~0', '~'))
      .map((s) => (/^\d+$/.test(s) ? Number(s) : s))
    const at = parsed.locate(path, p.code === 'UNKNOWN_KEY')
    return [at ? { ...p, ...at } : p]
  })
}

/** One file of a load: parse, schema, its sub-flows (through `loader`), references, core's rules, the definition. */
const checkFile = (source: unknown, options: CheckOptions, stack: readonly string[], loader: FileLoader): WorkflowCheck => {
  const parsed = parseSource(source, options.maxBytes)
  const fail = (problems: readonly FlowProblem[], file?: FlowFile): WorkflowCheck => ({
    definition: undefined,
    file,
    problems: locatedIn(parsed, problems),
  })
  try {
    if (parsed.problems.length > 0) return fail(parsed.problems)
    const result = FlowFileSchema.safeParse(parsed.value)
    if (!result.success)
      return fail([...zodProblems(result.error.issues, parsed.value), ...partialReferences(parsed.value, options.registry)])
    const file = result.data
    const subflows = resolveSubflows(file, stack, options.registry, loader)
    const problems = [...subflows.problems, ...checkReferences(file, options.registry, undefined, subflows.flows)]
    if (problems.length > 0) return fail(problems, file)
    try {
      // A flow file may have sub-flows and repeats: composeWorkflow lays them out (and takes a flat file as it is).
      const definition = composeWorkflow(buildDefinition(file, options.registry, subflows.flows) as never) as WorkflowDefinition
      return { definition, file, problems: [] }
    } catch (error) {
      if (isWorkflowError(error)) return fail(fileProblemsOf(file, error), file)
      throw error
    }
  } catch (error) {
    // A safety net: a bug here must still come back as a problem, never as a crash of the caller.
    return fail([
      { code: 'INVALID_DEFINITION', pointer: '', message: `the file could not be checked: ${(error as Error)?.message ?? String(error)}.` },
    ])
  }
}

/**
 * Checks a flow file (JSON or YAML text, or a parsed object) and builds its definition. Never throws
 * for a bad file: every problem comes back at once, each with a JSON pointer, a message and a hint
 * (only a bad option, such as a negative `maxBytes`, throws an `INVALID_OPTION` WorkflowError).
 * Sub-flow files the file names in `flows` are read with `readFile` (relative to `path`) and checked
 * the same way, each with the same limits; their problems carry their `file`.
 * @example
 * const { definition, problems } = checkWorkflow(text, { registry })
 * if (problems.length > 0) console.error(formatProblems(problems))
 */
export function checkWorkflow<S extends object = Record<string, any>, K extends string = string>(
  source: unknown,
  options: CheckOptions = {},
): WorkflowCheck<S, K> {
  const { maxBytes, readFile, path } = options
  // details.option names the option and details.reason says what is wrong after its name (the CLI says it of its flag).
  const invalid = (option: string, reason: string) => {
    throw new WorkflowError('INVALID_OPTION', `checkWorkflow: ${option} ${reason}`, { category: 'usage', details: { option, reason } })
  }
  if (maxBytes !== undefined && !(typeof maxBytes === 'number' && maxBytes > 0))
    invalid('maxBytes', `must be a positive number of bytes (Infinity for no limit), not ${JSON.stringify(maxBytes) ?? String(maxBytes)}.`)
  if (readFile !== undefined && typeof readFile !== 'function')
    invalid('readFile', "must be a function (path) => text, such as (p) => readFileSync(p, 'utf8').")
  if (path !== undefined && (typeof path !== 'string' || path === ''))
    invalid('path', 'must be the non-empty path of the file the text came from.')
  const loader: FileLoader = {
    readFile,
    cache: new Map(),
    check: (text, at, stack) => checkFile(text, { ...options, path: at }, stack, loader),
  }
  const result = checkFile(source, options, path === undefined ? [] : [path], loader) as WorkflowCheck<S, K>
  if (!result.definition || loader.cache.size === 0) return result
  const subflows = [...loader.cache].flatMap(([file, r]) => (r.definition ? [{ file, definition: r.definition }] : []))
  return { ...result, subflows }
}

/**
 * Loads a flow from a JSON or YAML file's text (or a parsed object) and returns what `composeWorkflow`
 * returns. Actions and custom guards are taken from `registry` by name.
 * Throws a `WorkflowError` with code `INVALID_DEFINITION` listing every problem; the problems, with
 * their JSON pointers and hints, are in `error.details.problems`. Text over 1 MiB is refused unless
 * `options.maxBytes` allows it.
 * @example
 * import text from './checkout.flow.json?raw'
 * const checkout = loadWorkflow(text, { actions: { pay } })
 * const flow = createWorkflow(checkout)
 */
export function loadWorkflow<S extends object = Record<string, any>, K extends string = string>(
  source: unknown,
  registry: WorkflowRegistry = {},
  options: LoadOptions = {},
): WorkflowDefinition<S, K> {
  const { definition, problems } = checkWorkflow<S, K>(source, { ...options, registry })
  if (definition) return definition
  const name = typeof (source as { id?: unknown })?.id === 'string' ? ` '${(source as { id: string }).id}'` : ''
  const heading = problems.length === 1 ? `the flow file${name} has a problem:` : `the flow file${name} has ${problems.length} problems:`
  throw new WorkflowError('INVALID_DEFINITION', `${heading}\n${formatProblems(problems)}`, {
    category: 'definition',
    details: { problems },
  })
}
