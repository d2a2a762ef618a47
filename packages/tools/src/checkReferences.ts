import { patternOf } from './fieldSchema'
import type { Condition, FlowFile } from './format'
import { didYouMean, type FlowProblem, quoteList, toPointer } from './problems'
import { lookup, type WorkflowRegistry } from './registry'

type Add = (problem: FlowProblem) => void

/** Every step a step's `next` names. */
export const nextTargets = (step: FlowFile['steps'][string]): string[] =>
  typeof step.next === 'string' ? [step.next] : (step.next ?? []).map((choice) => choice.to)

/**
 * Checks what the schema cannot: step ids, action and guard names, patterns, finals and reachability.
 * `registry` undefined means names are not checked (the CLI without `--registry`).
 */
export const checkReferences = (
  file: FlowFile,
  registry: WorkflowRegistry | undefined,
  partial?: { readonly ids: readonly string[]; readonly salvaged: ReadonlySet<string> },
): FlowProblem[] => {
  const problems: FlowProblem[] = []
  const add: Add = (p) => problems.push(p)
  const ids = partial ? [...partial.ids] : Object.keys(file.steps)
  const stepRef = (target: string, path: PropertyKey[], what: string) => {
    if (ids.includes(target)) return
    add({
      code: 'UNKNOWN_STEP',
      pointer: toPointer(path),
      message: `${what} '${target}', which is not defined.`,
      hint: didYouMean(target, ids) || `Defined steps: ${quoteList(ids)}.`,
    })
  }
  if (typeof file.initial === 'string') stepRef(file.initial, ['initial'], '`initial` names step')
  for (const id of Object.keys(file.steps)) checkStep(file, id, registry, add, stepRef, partial?.salvaged.has(id) ?? false)
  // A partial file (some steps did not pass the schema) cannot tell which steps are final or reachable.
  if (partial) return problems
  if (!ids.some((id) => file.steps[id]?.final)) {
    add({
      code: 'MISSING_FINAL',
      pointer: '/steps',
      message: 'no step is final, so the flow can never finish.',
      hint: 'Add "final": true to its last step.',
    })
  }
  if (!problems.some((p) => p.code === 'UNKNOWN_STEP')) checkReachable(file, add)
  return problems
}

const checkStep = (
  file: FlowFile,
  id: string,
  registry: WorkflowRegistry | undefined,
  add: Add,
  stepRef: (target: string, path: PropertyKey[], what: string) => void,
  salvaged: boolean,
) => {
  const step = file.steps[id] as FlowFile['steps'][string]
  const at = ['steps', id]
  // A salvaged step (part of it failed the schema) has lost keys, so its shape cannot be judged.
  if (!salvaged) checkShape(id, step, at, add)
  if (typeof step.next === 'string') stepRef(step.next, [...at, 'next'], `step '${id}' names next step`)
  for (const [i, choice] of (Array.isArray(step.next) ? step.next : []).entries()) {
    stepRef(choice.to, [...at, 'next', i, 'to'], `step '${id}': choice #${i + 1} goes to step`)
    if (choice.when) checkGuards(choice.when, [...at, 'next', i, 'when'], registry, add)
  }
  const fallbacks = Array.isArray(step.next) ? step.next.filter((c) => c.when === undefined).length : 0
  if (fallbacks > 1) {
    add({
      code: 'INVALID_VALUE',
      pointer: toPointer([...at, 'next']),
      message: `step '${id}' has ${fallbacks} choices without "when".`,
      hint: 'Keep one fallback, as the last choice.',
    })
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

/** A final step has no next and no skip; any other step has a next. */
const checkShape = (id: string, step: FlowFile['steps'][string], at: PropertyKey[], add: Add) => {
  if (step.final && step.next !== undefined) {
    add({
      code: 'FINAL_WITH_NEXT',
      pointer: toPointer([...at, 'next']),
      message: `step '${id}' is final but has a next step.`,
      hint: 'Remove "next" or "final".',
    })
  }
  if (step.final && step.skip !== undefined) {
    add({
      code: 'INVALID_VALUE',
      pointer: toPointer([...at, 'skip']),
      message: `step '${id}' is final and cannot be skipped.`,
      hint: 'Put the condition on the step that leads to it.',
    })
  }
  if (!step.final && step.next === undefined) {
    add({
      code: 'MISSING_NEXT',
      pointer: toPointer(at),
      message: `step '${id}' has no next step and is not final.`,
      hint: 'Add "next": "<step id>" or "final": true.',
    })
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

const checkReachable = (file: FlowFile, add: Add) => {
  const seen = new Set([file.initial])
  const queue = [file.initial]
  while (queue.length > 0) {
    const step = file.steps[queue.pop() as string]
    for (const target of step ? nextTargets(step) : []) {
      if (!seen.has(target)) {
        seen.add(target)
        queue.push(target)
      }
    }
  }
  for (const id of Object.keys(file.steps)) {
    if (seen.has(id)) continue
    add({
      code: 'UNREACHABLE_STEP',
      pointer: toPointer(['steps', id]),
      message: `step '${id}' cannot be reached from '${file.initial}'.`,
      hint: `Name it in another step's "next", or remove it.`,
    })
  }
}
