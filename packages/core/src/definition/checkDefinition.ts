import { didYouMean } from '../didYouMean'
import { isPlainObject } from '../plain'
import type { StepDef, WorkflowDefinition } from '../types'
import type { WorkflowErrorCode } from '../WorkflowError'
import { checkChildren, laidOut } from './checkChildren'
import { checkComposition } from './checkComposition'
import { isComposed } from './composed'
import { checkNext } from './edgesOf'
import { findCycle, unreachableSteps } from './graph'

/** One problem of a definition: what is wrong, how to fix it, and where (a path into the definition). */
export interface DefinitionProblem {
  readonly code: WorkflowErrorCode
  readonly message: string
  /** A did-you-mean for a misspelt name (already part of `message`, for tools that show it apart). */
  readonly hint?: string
  /** The step the problem is about. */
  readonly step?: string
  /** Where in the definition, e.g. `['steps', 'payment', 'next', 0, 'to']`; `[]` is the whole definition. */
  readonly path: readonly (string | number)[]
}

type AnyStep = StepDef<any, string, any>
export type Add = (code: WorkflowErrorCode, message: string, path: readonly (string | number)[], hint?: string) => void
export type Ref = (target: unknown, where: string, path: readonly (string | number)[]) => void

const list = (names: readonly string[]) => names.join(', ')

/**
 * Every problem of a definition, with codes, hints and paths: unknown steps, missing `next`, steps no
 * path reaches, skip cycles… The one set of definition rules: `defineWorkflow` throws them, tools
 * report them with file positions.
 * @example
 * for (const p of checkDefinition(flow)) console.log(p.code, p.message, p.hint)
 */
export const checkDefinition = (definition: unknown): DefinitionProblem[] => {
  const problems: DefinitionProblem[] = []
  const add: Add = (code, message, path, hint) => {
    const step = path[0] === 'steps' && typeof path[1] === 'string' ? path[1] : undefined
    problems.push({ code, message, path, ...(hint ? { hint } : {}), ...(step === undefined ? {} : { step }) })
  }
  if (!isPlainObject(definition)) {
    add('INVALID_DEFINITION', 'a workflow definition must be an object with id, initial, state and steps.', [])
    return problems
  }
  const { id, initial, steps, state } = definition
  if (typeof id !== 'string' || id === '')
    add('INVALID_DEFINITION', "a workflow needs an `id`, a non-empty string such as 'checkout'.", ['id'])
  if (!isPlainObject(state)) add('INVALID_DEFINITION', 'the initial `state` must be an object, e.g. `state: {}`.', ['state'])
  if (!isPlainObject(steps) || Object.keys(steps).length === 0) {
    add('INVALID_DEFINITION', 'a workflow needs `steps`, an object with at least one step.', ['steps'])
    return problems
  }
  if (Object.hasOwn(steps, '__proto__')) {
    // JSON.parse makes it an own key; everywhere else JavaScript reads it as the prototype, so its drafts would be lost.
    add('INVALID_DEFINITION', "a step cannot be named '__proto__', which JavaScript keeps for an object's prototype; rename it.", [
      'steps',
      '__proto__',
    ])
    return problems
  }
  if (isComposed(definition as unknown as WorkflowDefinition)) {
    checkComposition(definition as unknown as WorkflowDefinition, add)
    if (problems.length === 0) checkChildren(definition as unknown as WorkflowDefinition, add, checkDefinition)
    if (problems.length > 0) return problems
    const flat = laidOut(definition as unknown as WorkflowDefinition, add)
    return flat ? checkDefinition(flat) : problems
  }
  const ids = Object.keys(steps)
  const known = new Set(ids)
  const ref = (target: unknown, where: string, path: readonly (string | number)[]) => {
    if (typeof target === 'string' && known.has(target)) return
    const hint = typeof target === 'string' ? didYouMean(target, ids) : ''
    add('UNKNOWN_STEP', `${where} '${String(target)}', which is not defined; defined steps: ${list(ids)}.${hint && ` ${hint}`}`, path, hint)
  }
  if (initial === undefined)
    add('INVALID_DEFINITION', `\`initial\` is missing; set it to the first step, one of: ${list(ids)}.`, ['initial'])
  else ref(initial, '`initial` names step', ['initial'])
  for (const stepId of ids) checkStep(stepId, steps[stepId] as AnyStep, add, ref)
  if (!ids.some((s) => (steps[s] as AnyStep | undefined)?.final)) {
    add('MISSING_FINAL', 'no step is `final: true`, so the flow can never finish; mark its last step final.', ['steps'])
  }
  if (problems.length === 0) checkGraph(definition as unknown as WorkflowDefinition, add)
  return problems
}

const checkStep = (id: string, step: AnyStep, add: Add, ref: Ref) => {
  const at = `step '${id}'`
  const path = ['steps', id]
  if (!isPlainObject(step)) return add('INVALID_DEFINITION', `${at} must be an object such as { next: 'other' } or { final: true }.`, path)
  const { next, final } = step
  if (step.actions !== undefined && (!Array.isArray(step.actions) || step.actions.some((a) => typeof a !== 'function'))) {
    add('INVALID_DEFINITION', `${at} has \`actions\` that are not an array of functions.`, [...path, 'actions'])
  }
  if (
    step.validate !== undefined &&
    typeof (step.validate as { '~standard'?: { validate?: unknown } })?.['~standard']?.validate !== 'function'
  ) {
    add('INVALID_DEFINITION', `${at} has a \`validate\` that is not a Standard Schema; pass a zod, valibot or arktype schema.`, [
      ...path,
      'validate',
    ])
  }
  if (step.skip !== undefined && typeof step.skip !== 'function')
    add('INVALID_DEFINITION', `${at} has a \`skip\` that is not a function of ({ state }).`, [...path, 'skip'])
  if (final) {
    if (next !== undefined) add('FINAL_WITH_NEXT', `${at} is final but has a \`next\`; remove \`next\` or \`final\`.`, [...path, 'next'])
    if (step.skip)
      add('INVALID_DEFINITION', `${at} is final and cannot be skipped; put the condition on the step that leads to it.`, [...path, 'skip'])
    return
  }
  if (next === undefined)
    return add('MISSING_NEXT', `${at} has no \`next\` and is not final; add \`next: 'stepId'\` or \`final: true\`.`, path)
  checkNext(id, step, add, ref)
}

const checkGraph = (definition: WorkflowDefinition, add: Add) => {
  for (const id of unreachableSteps(definition)) {
    add(
      'UNREACHABLE_STEP',
      `step '${id}' cannot be reached from '${definition.initial}'; link to it from another step's \`next\`, or remove it.`,
      ['steps', id],
    )
  }
  const steps = definition.steps as Record<string, AnyStep>
  // A repeat's summary is passed over only to ask for an item, never along its edge back to itself.
  const cycle = findCycle(definition, (id) => Boolean(steps[id]?.skip) && !steps[id]?.summary)
  if (cycle) {
    add(
      'SKIP_CYCLE',
      `steps ${cycle.map((s) => `'${s}'`).join(' → ')} can all be skipped and lead to each other, so skipping could loop forever; make one of them not skippable or break the loop.`,
      ['steps', cycle[0] as string],
    )
  }
}
