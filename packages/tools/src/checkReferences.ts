import { checkDefinition, type WorkflowDefinition } from '@flowkit/core'
import { patternOf } from './fieldSchema'
import { fileProblem } from './fileProblem'
import type { Condition, FlowFile, RepeatFile, StepFile } from './format'
import { didYouMean, type FlowProblem, quoteList, toPointer } from './problems'
import { lookup, type WorkflowRegistry } from './registry'

type Add = (problem: FlowProblem) => void

const guard = () => false

/** A step as core's plain rules see it: its `next`, and whether it has a `skip` or is final. */
const plainShape = (step: StepFile): Record<string, unknown> => {
  const next = Array.isArray(step.next) ? step.next.map((c) => ({ to: c.to, ...(c.when ? { when: guard } : {}) })) : step.next
  return { ...(next === undefined ? {} : { next }), ...(step.skip ? { skip: guard } : {}), ...(step.final ? { final: true } : {}) }
}

/** A `flow:` or `repeat:` step with its resolved child, for core's rules of composition; stand-ins mark `fields` and `actions`. */
const composedShape = (step: StepFile, child: WorkflowDefinition): Record<string, unknown> => {
  const own = {
    ...plainShape(step),
    ...(step.fields ? { validate: step.fields } : {}),
    ...(step.actions ? { actions: step.actions } : {}),
  }
  if (step.flow !== undefined)
    return { ...own, flow: child, ...(step.key === undefined ? {} : { key: step.key }), ...(step.repeat ? { repeat: {} } : {}) }
  const { min, max, key } = step.repeat as RepeatFile
  return { ...own, repeat: { flow: child, ...(min === undefined ? {} : { min }), max, ...(key === undefined ? {} : { key }) } }
}

/** The child a step's `flow` or `repeat.flow` resolved to, if any. */
const childOf = (step: StepFile, flows: ReadonlyMap<string, WorkflowDefinition> | undefined) => {
  const id = step.flow ?? step.repeat?.flow
  return id === undefined ? undefined : flows?.get(id)
}

/**
 * The file's shape as a definition, for core's rules: guards and skips are stand-ins (only their
 * presence matters there). With `flows`, sub-flow and repeat steps carry their children, so core
 * checks composition and lays them out; without, they stand in as plain steps (their `next`, `skip`).
 */
const shapeOf = (file: FlowFile, ids: readonly string[], flows?: ReadonlyMap<string, WorkflowDefinition>): WorkflowDefinition => {
  const steps: Record<string, object> = {}
  for (const id of ids) {
    const step = file.steps[id]
    const child = step && childOf(step, flows)
    steps[id] = !step ? { final: true } : child ? composedShape(step, child) : plainShape(step)
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
/** Core's rules of `flow:` and `repeat:` steps, checked on the file's steps as written. */
const COMPOSITION = new Set(['INVALID_SUBFLOW', 'RECURSIVE_SUBFLOW', 'INVALID_REPEAT'])

/**
 * Core's definition rules (`checkDefinition`), with JSON pointers into the file: the one set of rules,
 * in core's words. Twice when the file has sub-flows: its own steps with sub-flows standing in as plain
 * steps (so a bad `next` is reported in the file's step ids), then composed with the resolved children
 * (composition rules always; the laid-out flow's rules when the first pass found nothing).
 */
const coreProblems = (
  file: FlowFile,
  ids: readonly string[],
  partial?: { readonly salvaged: ReadonlySet<string> },
  flows?: ReadonlyMap<string, WorkflowDefinition>,
): FlowProblem[] => {
  const plain = checkDefinition(shapeOf(file, ids))
    .filter((p) => !(p.path[0] === 'initial' && typeof file.initial !== 'string'))
    .filter((p) => !(partial && (WHOLE_FILE.has(p.code) || (p.step !== undefined && partial.salvaged.has(p.step) && SHAPE.has(p.code)))))
    .map((p) => fileProblem(file, p))
  if (partial || !flows || flows.size === 0) return plain
  const seen = new Set(plain.map((p) => `${p.code} ${p.pointer}`))
  const composed = checkDefinition(shapeOf(file, ids, flows))
    .filter((p) => COMPOSITION.has(p.code) || plain.length === 0)
    .map((p) => fileProblem(file, p))
    .filter((p) => !seen.has(`${p.code} ${p.pointer}`))
  return [...plain, ...composed]
}

/**
 * Checks what the schema cannot: core's definition rules (step ids, finals, reachability, skip
 * cycles, fallbacks, sub-flows and repeats given their resolved children in `flows`) with pointers, then
 * what only a file has: action and guard names, patterns. `registry` undefined means names are not
 * checked (the CLI without `--registry`).
 */
export const checkReferences = (
  file: FlowFile,
  registry: WorkflowRegistry | undefined,
  partial?: { readonly ids: readonly string[]; readonly salvaged: ReadonlySet<string> },
  flows?: ReadonlyMap<string, WorkflowDefinition>,
): FlowProblem[] => {
  const problems: FlowProblem[] = coreProblems(file, partial ? partial.ids : Object.keys(file.steps), partial, flows)
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
  if (step.key !== undefined && step.flow === undefined) {
    add({
      code: 'INVALID_VALUE',
      pointer: toPointer([...at, 'key']),
      message: `step '${id}' has a \`key\`, which only a \`flow\` step uses (where its sub-flow's data lives).`,
      hint: step.repeat ? 'For a repeat, write it as repeat.key.' : 'Remove it.',
    })
  }
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
