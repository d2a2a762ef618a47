import { readFileSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { parseArgs } from 'node:util'
import { isWorkflowError, type LogEntry, WorkflowError } from '@flowkit/core'
import { analyzeWorkflow } from '../analyze/index'
import { toGraph, toMermaid } from '../diagram/index'
import { checkMermaidOptions } from '../diagram/mermaidOptions'
import { checkWorkflow, flowJsonSchema, formatProblems, type WorkflowRegistry } from '../index'
import { type InsightsValues, insights } from './insights'

/** Where the CLI writes; tests pass their own. */
export interface CliIO {
  readonly out: (text: string) => void
  readonly err: (text: string) => void
  readonly cwd: string
}

const USAGE = `Usage:
  flowkit check [--registry <module>] [--strict] [--max-bytes <n>] <file>...
                                                              validate and analyze flow files (JSON or YAML)
  flowkit diagram [--registry <module>] [--trace <log.json>] [--format mermaid|json] [--direction TD|LR]
                  [--max-bytes <n>] <file>                    print a Mermaid flowchart (or the JSON graph)
  flowkit schema                                              print the JSON Schema of flow files
  flowkit insights <workflow> --db <file.db | postgres://…> [--version <v>] [--from <date>] [--to <date>]
                   [--abandon-after <minutes>] [--table <name>] [--json]
                                                              where journeys went: funnel, time on step, blocking
                                                              fields, paths (needs @flowkit/server)

--registry  a module whose default export (or \`registry\` export) is { actions, guards, flows };
            without it, action and guard names are not checked. Sub-flow files a flow names in
            its \`flows\` are read relative to it.
--strict    fail on warnings too.
--trace     a journey log (snapshot.log, or a snapshot with a \`log\`) to highlight.
--max-bytes the largest file read, in bytes (default 1048576, 1 MiB).
--from/--to journeys that started in [from, to): an ISO date (2026-12-01) or ms since the epoch.
--abandon-after  minutes idle after which an unfinished journey counts as abandoned (default 30).`

const loadRegistry = async (path: string | undefined, cwd: string): Promise<WorkflowRegistry | undefined> => {
  if (path === undefined) return undefined
  let mod: { default?: WorkflowRegistry; registry?: WorkflowRegistry }
  try {
    mod = await import(pathToFileURL(resolve(cwd, path)).href)
  } catch (cause) {
    throw new WorkflowError(
      'INVALID_OPTION',
      `--registry ${path}: cannot load it (${(cause as NodeJS.ErrnoException).code ?? (cause as Error).message}); name a module whose default export (or \`registry\` export) is { actions, guards, flows }.`,
      { category: 'usage', cause, details: { flag: '--registry' } },
    )
  }
  return mod.registry ?? mod.default ?? {}
}

type Values = {
  registry?: string
  strict?: boolean
  trace?: string
  format?: string
  direction?: string
  'max-bytes'?: string
} & InsightsValues

/** The load options from `--max-bytes`; checkWorkflow refuses a value that is not a positive number. */
const limits = (values: Values) => (values['max-bytes'] === undefined ? {} : { maxBytes: Number(values['max-bytes']) })

/** The options that let a file name sub-flow files (`flows: { address: ./address.flow.yaml }`), read relative to it. */
const within = (file: string, io: CliIO) => ({ path: file, readFile: (path: string) => readFileSync(resolve(io.cwd, path), 'utf8') })

const check = async (files: readonly string[], values: Values, io: CliIO): Promise<number> => {
  if (files.length === 0) {
    io.err(`flowkit check: name at least one file, e.g. flowkit check flows/*.json\n\n${USAGE}\n`)
    return 2
  }
  const registry = await loadRegistry(values.registry, io.cwd)
  let failed = 0
  for (const file of files) {
    const text = await readText(file, io)
    if (text === undefined) {
      failed++
      continue
    }
    const options = { ...limits(values), ...within(file, io) }
    const checked = checkWorkflow(text, registry ? { registry, ...options } : options)
    const { definition, problems } = checked
    if (!definition) {
      io.out(`✖ ${file}: ${problems.length} problem${problems.length === 1 ? '' : 's'}\n${indent(formatProblems(problems))}\n`)
      failed++
      continue
    }
    const findings = [
      ...analyzeWorkflow(definition),
      // A sub-flow's own guards are judged on the sub-flow (laid out in the parent, they are functions).
      ...(checked.subflows ?? []).flatMap((sub) =>
        analyzeWorkflow(sub.definition).map((f) => ({ ...f, message: `${sub.file}: ${f.message}` })),
      ),
    ]
    const errors = findings.filter((f) => f.severity === 'error')
    const bad = errors.length > 0 || (values.strict && findings.length > 0)
    if (bad) failed++
    const steps = Object.keys(definition.steps).length
    const summary = findings.length === 0 ? 'no problems' : `${errors.length} error(s), ${findings.length - errors.length} warning(s)`
    io.out(`${bad ? '✖' : '✔'} ${file}: ${steps} steps, ${summary}\n`)
    if (findings.length > 0) io.out(`${indent(findings.map((f) => `${f.severity}: ${f.message}`).join('\n'))}\n`)
  }
  return failed > 0 ? 1 : 0
}

/** A file named on the command line, or undefined when it cannot be read (said on stderr: `✖ flow.json: cannot read it (ENOENT).`). */
const readText = async (file: string, io: CliIO): Promise<string | undefined> => {
  try {
    return await readFile(resolve(io.cwd, file), 'utf8')
  } catch (cause) {
    io.err(`✖ ${file}: cannot read it (${(cause as NodeJS.ErrnoException).code ?? cause}).\n`)
    return undefined
  }
}

const indent = (text: string) =>
  text
    .split('\n')
    .map((line) => `  ${line}`)
    .join('\n')

/** The journey log of `--trace`: `null` when its file cannot be read or holds none (said on stderr). */
const readTrace = async (path: string | undefined, io: CliIO): Promise<readonly LogEntry[] | undefined | null> => {
  if (path === undefined) return undefined
  const text = await readText(path, io)
  if (text === undefined) return null
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch (cause) {
    io.err(`✖ ${path}: it is not JSON (${(cause as Error).message}); save JSON.stringify(snapshot.log) or the snapshot.\n`)
    return null
  }
  const log = Array.isArray(value) ? value : (value as { log?: unknown })?.log
  if (Array.isArray(log)) return log as LogEntry[]
  io.err(`✖ ${path}: it holds no journey log; save snapshot.log (an array) or a snapshot with a "log".\n`)
  return null
}

const diagram = async (files: readonly string[], values: Values, io: CliIO) => {
  const [file] = files
  if (files.length !== 1 || file === undefined) {
    io.err(`flowkit diagram: name exactly one file.\n\n${USAGE}\n`)
    return 2
  }
  if (values.format !== undefined && values.format !== 'mermaid' && values.format !== 'json') {
    io.err(`flowkit diagram: --format must be mermaid or json, not '${values.format}'.\n`)
    return 2
  }
  const trace = await readTrace(values.trace, io)
  if (trace === null) return 1
  const options = checkMermaidOptions({
    ...(values.direction === undefined ? {} : { direction: values.direction }),
    ...(trace === undefined ? {} : { trace }),
  })
  const registry = await loadRegistry(values.registry, io.cwd)
  const load = { ...limits(values), ...within(file, io), ...(registry ? { registry } : {}) }
  const text = await readText(file, io)
  if (text === undefined) return 1
  const { definition, problems } = checkWorkflow(text, load)
  if (!definition) {
    io.err(`✖ ${file}: ${problems.length} problem(s); run flowkit check for details.\n${indent(formatProblems(problems))}\n`)
    return 1
  }
  io.out(values.format === 'json' ? `${JSON.stringify(toGraph(definition, options), null, 2)}\n` : toMermaid(definition, options))
  return 0
}

/** The flag of each API option the CLI passes on: a refused option is reported as the flag that gave it. */
const FLAGS: Readonly<Record<string, string>> = { direction: '--direction', trace: '--trace', maxBytes: '--max-bytes' }

/**
 * A refused option in the CLI's words: the CLI's own (`details.command`) after its command; the API's
 * (`toMermaid`, `checkWorkflow`) said of the flag that gave it (`details.option` → `--direction must be…`).
 */
const usageText = (error: WorkflowError): string => {
  const { command, option, reason } = error.details
  if (typeof command === 'string') return `flowkit ${command}: ${error.message}`
  const flag = typeof option === 'string' && Object.hasOwn(FLAGS, option) ? FLAGS[option] : undefined
  return `flowkit: ${flag !== undefined && typeof reason === 'string' ? `${flag} ${reason}` : error.message}`
}

/**
 * Runs the `flowkit` command line with `argv` (without `node` and the script) and returns the exit code:
 * 0 fine, 1 problems found, 2 wrong usage.
 */
export const runCli = async (argv: readonly string[], io: CliIO): Promise<number> => {
  try {
    const { positionals, values } = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        registry: { type: 'string' },
        strict: { type: 'boolean' },
        trace: { type: 'string' },
        format: { type: 'string' },
        direction: { type: 'string' },
        'max-bytes': { type: 'string' },
        db: { type: 'string' },
        version: { type: 'string' },
        from: { type: 'string' },
        to: { type: 'string' },
        'abandon-after': { type: 'string' },
        table: { type: 'string' },
        json: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    })
    const [command, ...files] = positionals
    if (values.help || command === undefined || command === 'help') {
      io.out(`${USAGE}\n`)
      return command === undefined && !values.help ? 2 : 0
    }
    if (command === 'check') return await check(files, values, io)
    if (command === 'diagram') return await diagram(files, values, io)
    if (command === 'insights') return await insights(files, values, io)
    if (command === 'schema') {
      io.out(`${JSON.stringify(flowJsonSchema(), null, 2)}\n`)
      return 0
    }
    io.err(`flowkit: unknown command '${command}'; use check, diagram, insights or schema.\n\n${USAGE}\n`)
    return 2
  } catch (error) {
    if (isWorkflowError(error) && error.code === 'INVALID_REQUEST') {
      io.err(`flowkit insights: ${error.message}\n`)
      return 2
    }
    if (isWorkflowError(error) && error.code === 'INVALID_OPTION') {
      io.err(`${usageText(error)}\n`)
      return 2
    }
    io.err(`flowkit: ${error instanceof Error ? error.message : String(error)}\n`)
    return 2
  }
}
