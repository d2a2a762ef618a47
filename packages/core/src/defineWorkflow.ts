import { hint, list } from './didYouMean'
import { stepsToEnd, targetsOf } from './graph'
import { isPlainObject } from './plain'
import type { StepDef, WorkflowDefinition } from './types'
import { WorkflowError, type WorkflowErrorCode } from './WorkflowError'

type AnyStep = StepDef<any, string, any>

/** What the engine precomputes once per definition. */
export interface Compiled {
  readonly ids: readonly string[]
  /** Fewest visible steps from a step to the end (see `stepsToEnd`). */
  readonly toEnd: Map<string, number>
}

const compiled = new WeakMap<object, Compiled>()

interface Problem {
  code: WorkflowErrorCode
  step?: string
  message: string
}

/**
 * The input of `defineWorkflow`. Step ids are the keys of `steps`, so a `next` naming another id is a
 * compile error. `Inputs` maps each step id to its input type, inferred from the step's `validate`
 * schema, so its actions receive a typed `input`.
 */
export interface WorkflowConfig<S extends object, Inputs> {
  /** Names the flow in errors, snapshots and storage. */
  readonly id: string
  /** Bump it when a change makes stored snapshots unfit; `migrate` then gets a chance. */
  readonly version?: number | string
  readonly initial: NoInfer<keyof Inputs & string>
  readonly state: S
  readonly steps: { readonly [P in keyof Inputs]: StepDef<S, NoInfer<keyof Inputs & string>, Inputs[P]> }
}

/**
 * Checks a workflow definition and returns it, typed. Throws a `WorkflowError` listing every problem
 * (unknown steps, missing `next`, unreachable steps, skip cycles…) with a hint to fix each.
 * @example
 * const signup = defineWorkflow({
 *   id: 'signup',
 *   initial: 'email',
 *   state: { email: '' },
 *   steps: { email: { next: 'done' }, done: { final: true } },
 * })
 */
export function defineWorkflow<S extends object, Inputs>(
  definition: WorkflowConfig<S, Inputs>,
): WorkflowDefinition<S, keyof Inputs & string> {
  compile(definition as unknown as WorkflowDefinition)
  return definition as unknown as WorkflowDefinition<S, keyof Inputs & string>
}

/** The precomputed facts of a definition, checking it the first time it is seen. */
export const compile = (definition: WorkflowDefinition): Compiled => {
  const known = compiled.get(definition)
  if (known) return known
  // Production builds trust the definition: the checks and their messages are dropped.
  const problems = process.env.NODE_ENV !== 'production' ? check(definition) : []
  if (problems.length > 0) {
    const [first] = problems as [Problem, ...Problem[]]
    const name = isPlainObject(definition) && typeof definition.id === 'string' ? `'${definition.id}'` : ''
    const message =
      problems.length === 1
        ? first.message
        : `workflow ${name} has ${problems.length} problems:\n${problems.map((p) => `- ${p.message}`).join('\n')}`
    throw new WorkflowError(first.code, process.env.NODE_ENV !== 'production' && process.env.NODE_ENV !== 'production' && message, {
      step: first.step,
      details: { problems },
    })
  }
  const result: Compiled = { ids: Object.keys(definition.steps), toEnd: stepsToEnd(definition) }
  compiled.set(definition, result)
  return result
}

const check = (definition: WorkflowDefinition): Problem[] => {
  if (!isPlainObject(definition)) {
    return [{ code: 'INVALID_DEFINITION', message: 'a workflow definition must be an object with id, initial, state and steps.' }]
  }
  const problems: Problem[] = []
  const add = (code: WorkflowErrorCode, message: string, step?: string) => problems.push({ code, message, step })
  const { id, initial, steps } = definition
  if (typeof id !== 'string' || id === '') add('INVALID_DEFINITION', "a workflow needs an `id`, a non-empty string such as 'checkout'.")
  if (!isPlainObject(definition.state)) add('INVALID_DEFINITION', 'the initial `state` must be an object, e.g. `state: {}`.')
  if (!isPlainObject(steps) || Object.keys(steps).length === 0) {
    add('INVALID_DEFINITION', 'a workflow needs `steps`, an object with at least one step.')
    return problems
  }
  const ids = Object.keys(steps)
  const unknown = (target: unknown, where: string, step?: string) => {
    if (typeof target === 'string' && ids.includes(target)) return
    add(
      'UNKNOWN_STEP',
      `${where} '${String(target)}', which is not defined; defined steps: ${list(ids)}.${typeof target === 'string' ? hint(target, ids) : ''}`,
      step,
    )
  }
  if (initial === undefined) add('INVALID_DEFINITION', `\`initial\` is missing; set it to the first step, one of: ${list(ids)}.`)
  else unknown(initial, '`initial` names step')
  for (const stepId of ids) checkStep(stepId, steps[stepId as keyof typeof steps] as AnyStep, add, unknown)
  if (!ids.some((s) => (steps as Record<string, AnyStep>)[s]?.final)) {
    add('MISSING_FINAL', 'no step is `final: true`, so the flow can never finish; mark its last step final.')
  }
  if (problems.length === 0) checkGraph(definition, ids, add)
  return problems
}

const checkStep = (
  id: string,
  step: AnyStep,
  add: (code: WorkflowErrorCode, message: string, step?: string) => void,
  unknown: (target: unknown, where: string, step?: string) => void,
) => {
  const at = `step '${id}'`
  if (!isPlainObject(step)) return add('INVALID_DEFINITION', `${at} must be an object such as { next: 'other' } or { final: true }.`, id)
  const { next, final } = step
  if (step.actions !== undefined && (!Array.isArray(step.actions) || step.actions.some((a) => typeof a !== 'function'))) {
    add('INVALID_DEFINITION', `${at} has \`actions\` that are not an array of functions.`, id)
  }
  if (
    step.validate !== undefined &&
    typeof (step.validate as { '~standard'?: { validate?: unknown } })?.['~standard']?.validate !== 'function'
  ) {
    add('INVALID_DEFINITION', `${at} has a \`validate\` that is not a Standard Schema; pass a zod, valibot or arktype schema.`, id)
  }
  if (step.skip !== undefined && typeof step.skip !== 'function')
    add('INVALID_DEFINITION', `${at} has a \`skip\` that is not a function of ({ state }).`, id)
  if (final) {
    if (next !== undefined) add('FINAL_WITH_NEXT', `${at} is final but has a \`next\`; remove \`next\` or \`final\`.`, id)
    if (step.skip) add('INVALID_DEFINITION', `${at} is final and cannot be skipped; put the condition on the step that leads to it.`, id)
    return
  }
  if (next === undefined)
    return add('MISSING_NEXT', `${at} has no \`next\` and is not final; add \`next: 'stepId'\` or \`final: true\`.`, id)
  if (typeof next === 'string') return unknown(next, `${at} names next step`, id)
  if (typeof next === 'function') {
    if (!Array.isArray(step.targets) || step.targets.length === 0) {
      return add(
        'MISSING_TARGETS',
        `${at} chooses its next step with a function but declares no \`targets\`; list the steps it may return, e.g. targets: ['a', 'b'].`,
        id,
      )
    }
    for (const target of step.targets) unknown(target, `${at} lists in \`targets\` step`, id)
    return
  }
  if (!Array.isArray(next) || next.length === 0) {
    return add('INVALID_DEFINITION', `${at} has a \`next\` that is neither a step id, a function nor a list of { to, when } choices.`, id)
  }
  let fallbacks = 0
  for (const [i, choice] of next.entries()) {
    if (!isPlainObject(choice)) {
      add('INVALID_DEFINITION', `${at}: choice #${i + 1} must be an object { to, when }.`, id)
      continue
    }
    unknown(choice.to, `${at}: choice #${i + 1} goes to step`, id)
    if (choice.when === undefined) fallbacks++
    else if (typeof choice.when !== 'function')
      add('INVALID_DEFINITION', `${at}: choice #${i + 1} has a \`when\` that is not a function.`, id)
  }
  if (fallbacks > 1) add('INVALID_DEFINITION', `${at} has ${fallbacks} choices without \`when\`; keep one fallback.`, id)
}

const checkGraph = (
  definition: WorkflowDefinition,
  ids: readonly string[],
  add: (code: WorkflowErrorCode, message: string, step?: string) => void,
) => {
  const steps = definition.steps as Record<string, AnyStep>
  const seen = new Set<string>([definition.initial])
  const queue = [definition.initial]
  while (queue.length > 0) {
    for (const target of targetsOf(steps[queue.pop() as string] as AnyStep)) {
      if (!seen.has(target)) {
        seen.add(target)
        queue.push(target)
      }
    }
  }
  for (const id of ids) {
    if (!seen.has(id))
      add(
        'UNREACHABLE_STEP',
        `step '${id}' cannot be reached from '${definition.initial}'; link to it from another step's \`next\`, or remove it.`,
        id,
      )
  }
  const cycle = findSkipCycle(steps, ids)
  if (cycle) {
    add(
      'SKIP_CYCLE',
      `steps ${cycle.map((s) => `'${s}'`).join(' → ')} can all be skipped and lead to each other, so skipping could loop forever; make one of them not skippable or break the loop.`,
      cycle[0],
    )
  }
}

/** A cycle made only of steps with `skip`, or undefined. Depth-first search with colours. */
const findSkipCycle = (steps: Record<string, AnyStep>, ids: readonly string[]): string[] | undefined => {
  const state = new Map<string, 1 | 2>()
  const stack: string[] = []
  const visit = (id: string): string[] | undefined => {
    state.set(id, 1)
    stack.push(id)
    for (const target of targetsOf(steps[id] as AnyStep)) {
      if (!steps[target]?.skip) continue
      if (state.get(target) === 1) return [...stack.slice(stack.indexOf(target)), target]
      if (!state.has(target)) {
        const found = visit(target)
        if (found) return found
      }
    }
    stack.pop()
    state.set(id, 2)
    return undefined
  }
  for (const id of ids) {
    if (steps[id]?.skip && !state.has(id)) {
      const found = visit(id)
      if (found) return found
    }
  }
  return undefined
}
