import { checkDefinition, type WorkflowDefinition } from '@flowkit/core'
import { patternOf } from './fieldSchema'
import type { Condition, FlowFile } from './format'
import { didYouMean, type FlowProblem, type FlowProblemCode, quoteList, toPointer } from './problems'
import { lookup, type WorkflowRegistry } from './registry'

type Add = (problem: FlowProblem) => void

/** Every step a step's `next` names. */
export const nextTargets = (step: FlowFile['steps'][string]): string[] =>
  typeof step.next === 'string' ? [step.next] : (step.next ?? []).map((choice) => choice.to)

const guard = () => false

/** The file's shape as a definition, for core's rules: guards and skips are stand-ins (only their presence matters there). */
const shapeOf = (file: FlowFile, ids: readonly string[]): WorkflowDefinition => {
  const steps: Record<string, object> = {}
  for (const id of ids) {
    const step = file.steps[id]
    if (!step) {
      steps[id] = { final: true }
      continue
    }
    const next = Array.isArray(step.next) ? step.next.map((c) => ({ to: c.to, ...(c.when ? { when: guard } : {}) })) : step.next
    steps[id] = { ...(next === undefined ? {} : { next }), ...(step.skip ? { skip: guard } : {}), ...(step.final ? { final: true } : {}) }
  }
  // The schema checks `id` and `initial` itself; stand-ins keep core from reporting them twice.
  return {
    id: typeof file.id === 'string' && file.id ? file.id : 'flow',
    initial: file.initial,
    state: {},
    steps,
  } as unknown as WorkflowDefinition
}

/** Rules that need the whole file: a partial one (some steps failed the schema) cannot tell what is final or reachable. */
const WHOLE_FILE = new Set(['MISSING_FINAL', 'UNREACHABLE_STEP', 'SKIP_CYCLE'])
/** A salvaged step lost keys, so its shape cannot be judged. */
const SHAPE = new Set(['MISSING_NEXT', 'FINAL_WITH_NEXT', 'INVALID_DEFINITION'])

/** Core's definition rules (`checkDefinition`), with JSON pointers into the file: the one set of rules, in core's words. */
const coreProblems = (file: FlowFile, ids: readonly string[], partial?: { readonly salvaged: ReadonlySet<string> }): FlowProblem[] =>
  checkDefinition(shapeOf(file, ids))
    .filter((p) => !(p.path[0] === 'initial' && typeof file.initial !== 'string'))
    .filter((p) => !(partial && (WHOLE_FILE.has(p.code) || (p.step !== undefined && partial.salvaged.has(p.step) && SHAPE.has(p.code)))))
    .map((p) => ({
      code: (p.code === 'INVALID_DEFINITION' ? 'INVALID_VALUE' : p.code) as FlowProblemCode,
      pointer: toPointer(p.path),
      message: p.message,
    }))

/**
 * Checks what the schema cannot: core's definition rules (step ids, finals, reachability, skip
 * cycles, fallbacks) with pointers, then what only a file has: action and guard names, patterns.
 * `registry` undefined means names are not checked (the CLI without `--registry`).
 */
export const checkReferences = (
  file: FlowFile,
  registry: WorkflowRegistry | undefined,
  partial?: { readonly ids: readonly string[]; readonly salvaged: ReadonlySet<string> },
): FlowProblem[] => {
  const problems: FlowProblem[] = coreProblems(file, partial ? partial.ids : Object.keys(file.steps), partial)
  const add: Add = (p) => problems.push(p)
  for (const id of Object.keys(file.steps)) checkNames(file, id, registry, add)
  return problems
}

/** What only a file has: named guards and actions from the registry, and field patterns. */
const checkNames = (file: FlowFile, id: string, registry: WorkflowRegistry | undefined, add: Add) => {
  const step = file.steps[id] as FlowFile['steps'][string]
  const at = ['steps', id]
  for (const [i, choice] of (Array.isArray(step.next) ? step.next : []).entries()) {
    if (choice.when) checkGuards(choice.when, [...at, 'next', i, 'when'], registry, add)
  }
  if (step.skip) checkGuards(step.skip, [...at, 'skip'], registry, add)
  for (const [i, name] of (step.actions ?? []).entries()) {
    if (!registry || lookup(registry.actions, name)) continue
    const known = Object.keys(registry.actions ?? {})
    add({
      code: 'UNKNOWN_ACTION',
      pointer: toPointer([...at, 'actions', i]),
      message: `step '${id}' runs action '${name}', which is not in the registry.`,
      hint: didYouMean(name, known) || `Registered actions: ${quoteList(known)}; add it to registry.actions.`,
    })
  }
  for (const [field, rule] of Object.entries(step.fields ?? {})) {
    if (rule.pattern === undefined) continue
    try {
      patternOf(rule.pattern)
    } catch (cause) {
      add({
        code: 'INVALID_VALUE',
        pointer: toPointer([...at, 'fields', field, 'pattern']),
        message: `the pattern of field '${field}' is not a valid regular expression: ${(cause as Error).message}.`,
        hint: 'Write it as for new RegExp(pattern, "u"); escape backslashes in JSON ("\\\\d").',
      })
    }
  }
}

const checkGuards = (condition: Condition, path: PropertyKey[], registry: WorkflowRegistry | undefined, add: Add) => {
  if ('all' in condition || 'any' in condition) {
    const key = 'all' in condition ? 'all' : 'any'
    for (const [i, c] of ('all' in condition ? condition.all : condition.any).entries()) checkGuards(c, [...path, key, i], registry, add)
  } else if ('not' in condition) checkGuards(condition.not, [...path, 'not'], registry, add)
  else if ('guard' in condition && registry && !lookup(registry.guards, condition.guard)) {
    const known = Object.keys(registry.guards ?? {})
    add({
      code: 'UNKNOWN_GUARD',
      pointer: toPointer([...path, 'guard']),
      message: `guard '${condition.guard}' is not in the registry.`,
      hint: didYouMean(condition.guard, known) || `Registered guards: ${quoteList(known)}; add it to registry.guards.`,
    })
  }
}
