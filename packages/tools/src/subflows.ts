import type { WorkflowDefinition } from '@flowkit/core'
import type { FlowFile } from './format'
import { joinPath } from './joinPath'
import { didYouMean, type FlowProblem, quoteList, toPointer } from './problems'
import { lookup, type WorkflowRegistry } from './registry'

/** The most flow files one load reads, the file itself included: a generated web of includes stays bounded. */
export const MAX_FILES = 100

/** What checking one file gives: its definition when sound, its problems otherwise. */
export interface FileResult {
  readonly definition?: WorkflowDefinition | undefined
  readonly problems: readonly FlowProblem[]
}

/** How a load reads the sub-flow files its files name; one per top-level load, shared down the includes. */
export interface FileLoader {
  readonly readFile?: ((path: string) => string) | undefined
  /** Files already checked in this load, by path: a file used twice is read once. */
  readonly cache: Map<string, FileResult>
  /** Checks a sub-flow file's text with the load's limits; `stack` is the chain of files including it, it last. */
  readonly check: (text: string, path: string, stack: readonly string[]) => FileResult
}

/** One `flow:` or `repeat.flow` of a file: the sub-flow id and where it is written. */
export interface SubflowUse {
  readonly step: string
  readonly id: string
  readonly path: readonly (string | number)[]
}

/** Every sub-flow a file's steps name, in step order. */
export const subflowUses = (file: FlowFile): SubflowUse[] =>
  Object.entries(file.steps).flatMap(([step, s]): SubflowUse[] => [
    ...(s.flow === undefined ? [] : [{ step, id: s.flow, path: ['steps', step, 'flow'] }]),
    ...(s.repeat === undefined ? [] : [{ step, id: s.repeat.flow, path: ['steps', step, 'repeat', 'flow'] }]),
  ])

const problem = (code: FlowProblem['code'], path: readonly (string | number)[], message: string, hint?: string): FlowProblem => ({
  code,
  pointer: toPointer(path),
  message,
  ...(hint ? { hint } : {}),
})

/** Reads and checks the file a `flows` entry names, or says why it cannot. */
const loadEntry = (id: string, relative: string, stack: readonly string[], loader: FileLoader): FileResult => {
  const at = ['flows', id]
  const target = joinPath(stack.at(-1), relative)
  if (stack.includes(target)) {
    const chain = [...stack.slice(stack.indexOf(target)), target].map((f) => `'${f}'`).join(' → ')
    return {
      problems: [
        problem(
          'RECURSIVE_SUBFLOW',
          at,
          `sub-flow '${id}' is file '${target}', which includes itself: ${chain}, so the flow would never end.`,
          'A flow cannot contain itself; to ask steps again, use `repeat`.',
        ),
      ],
    }
  }
  const inFile = (result: FileResult): FileResult => ({
    ...result,
    problems: result.problems.map((p) => (p.file === undefined ? { ...p, file: target } : p)),
  })
  const cached = loader.cache.get(target)
  if (cached) return inFile(cached)
  if (!loader.readFile) {
    return {
      problems: [
        problem(
          'INVALID_SUBFLOW',
          at,
          `sub-flow '${id}' is in file '${relative}', but no readFile was given to read it.`,
          "Pass { path, readFile: (p) => readFileSync(p, 'utf8') } in the load options (the CLI does), or put the flow in registry.flows.",
        ),
      ],
    }
  }
  if (loader.cache.size >= MAX_FILES - 1)
    return { problems: [problem('TOO_LARGE', at, `the flow includes more than ${MAX_FILES} files; the limit is ${MAX_FILES}.`)] }
  let text: string
  try {
    text = loader.readFile(target)
  } catch (cause) {
    const why = (cause as { code?: string })?.code ?? (cause as Error)?.message ?? String(cause)
    return {
      problems: [
        problem(
          'INVALID_SUBFLOW',
          at,
          `sub-flow file '${target}' cannot be read (${why}).`,
          'Check the path; it is relative to the file that names it.',
        ),
      ],
    }
  }
  const result = loader.check(text, target, [...stack, target])
  loader.cache.set(target, result)
  return inFile(result)
}

/**
 * The definitions a file's `flow:` and `repeat.flow` ids stand for: its own `flows` entries (files,
 * read and checked with the same limits) first, then `registry.flows`. Problems: an unknown id
 * (INVALID_SUBFLOW with a did-you-mean), a file that includes itself (RECURSIVE_SUBFLOW naming the
 * chain), and every problem of an included file, with its `file`.
 */
export const resolveSubflows = (
  file: FlowFile,
  stack: readonly string[],
  registry: WorkflowRegistry | undefined,
  loader: FileLoader,
): { flows: Map<string, WorkflowDefinition>; problems: FlowProblem[] } => {
  const flows = new Map<string, WorkflowDefinition>()
  const problems: FlowProblem[] = []
  const own = file.flows ?? {}
  for (const [id, relative] of Object.entries(own)) {
    const result = loadEntry(id, relative, stack, loader)
    problems.push(...result.problems)
    if (result.definition) flows.set(id, result.definition)
  }
  const known = [...Object.keys(own), ...Object.keys(registry?.flows ?? {})]
  for (const use of subflowUses(file)) {
    if (Object.hasOwn(own, use.id)) continue
    const registered = lookup(registry?.flows, use.id)
    if (registered) {
      flows.set(use.id, registered as WorkflowDefinition)
      continue
    }
    problems.push(
      problem(
        'INVALID_SUBFLOW',
        use.path,
        `step '${use.step}' runs sub-flow '${use.id}', which is neither in this file's \`flows\` nor in registry.flows.`,
        didYouMean(use.id, known) ||
          `Known sub-flows: ${quoteList(known)}; add \`flows: { ${use.id}: ./${use.id}.flow.yaml }\` to the file, or pass it in registry.flows.`,
      ),
    )
  }
  return { flows, problems }
}
