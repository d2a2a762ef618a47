import { isPlainObject } from '../plain'
import type { WorkflowDefinition } from '../types'
import type { Add } from './checkDefinition'
import { isFlowStep, isRepeatStep } from './composed'

const isDefinition = (value: unknown): value is WorkflowDefinition =>
  isPlainObject(value) && typeof value.initial === 'string' && isPlainObject(value.steps)

/** The definitions a definition includes through `flow:` and `repeat:` steps, with the step that includes each. */
const childrenOf = (definition: WorkflowDefinition): [string, unknown][] =>
  Object.entries(definition.steps as Record<string, unknown>).flatMap(([id, step]): [string, unknown][] =>
    isFlowStep(step) ? [[id, step.flow]] : isRepeatStep(step) ? [[id, (step.repeat as { flow?: unknown } | undefined)?.flow]] : [],
  )

/** A chain of sub-flows leading back to one already on `stack`, as step ids, or undefined. */
export const includesItself = (definition: WorkflowDefinition, stack: object[] = []): string[] | undefined => {
  if (stack.includes(definition)) return []
  for (const [id, child] of childrenOf(definition)) {
    if (!isDefinition(child)) continue
    const chain = includesItself(child, [...stack, definition])
    if (chain) return [id, ...chain]
  }
  return undefined
}

type Step = Record<string, unknown>

/** A repeat's bounds: `max` from 1 to 1000, `min` from 0 to `max`, and never final. */
const checkBounds = (step: Step, at: string, path: string[], add: Add) => {
  const { min = 0, max } = step.repeat as { min?: unknown; max?: unknown }
  if (step.final)
    add('INVALID_REPEAT', `${at} is a repeat and cannot be final; give it a \`next\` (a final step after it).`, [...path, 'final'])
  if (!Number.isInteger(max) || (max as number) < 1 || (max as number) > 1000)
    add('INVALID_REPEAT', `${at} needs \`repeat.max\`, an integer from 1 to 1000 (the most items a user may add); got ${String(max)}.`, [
      ...path,
      'repeat',
      'max',
    ])
  else if (!Number.isInteger(min) || (min as number) < 0 || (min as number) > (max as number))
    add('INVALID_REPEAT', `${at} has \`repeat.min\` ${String(min)}; use an integer from 0 to max (${String(max)}).`, [
      ...path,
      'repeat',
      'min',
    ])
}

/** The state key a sub-flow or repeat keeps its data under: a non-empty string no other such step uses. */
const checkKey = (id: string, key: unknown, at: string, path: string[], keys: Map<string, string>, add: Add) => {
  if (typeof key !== 'string' || key === '') add('INVALID_SUBFLOW', `${at} has a \`key\` that is not a non-empty string.`, [...path, 'key'])
  else if (keys.has(key))
    add('INVALID_SUBFLOW', `${at} keeps its data in state.${key}, as step '${keys.get(key)}' does; give one of them another \`key\`.`, [
      ...path,
      'key',
    ])
  else keys.set(key, id)
}

/** One `flow:` or `repeat:` step's rules; `keys` holds the state keys taken so far, `ids` the parent's step ids. */
const checkComposedStep = (id: string, step: Step, keys: Map<string, string>, ids: Set<string>, add: Add) => {
  const flow = isFlowStep(step)
  const at = `step '${id}'`
  const path = ['steps', id]
  const child = flow ? step.flow : (step.repeat as { flow?: unknown } | undefined)?.flow
  if (flow && isRepeatStep(step)) add('INVALID_SUBFLOW', `${at} has both \`flow\` and \`repeat\`; keep one.`, path)
  if (!flow && !isPlainObject(step.repeat)) {
    add('INVALID_REPEAT', `${at} has a \`repeat\` that is not an object such as { flow: dependant, max: 6 }.`, [...path, 'repeat'])
    return
  }
  if (!isDefinition(child)) {
    add(
      'INVALID_SUBFLOW',
      `${at} has a \`${flow ? 'flow' : 'repeat.flow'}\` that is not a workflow definition (got ${child === undefined ? 'undefined' : typeof child}); pass what defineWorkflow or composeWorkflow returned (an import cycle can leave it undefined).`,
      flow ? [...path, 'flow'] : [...path, 'repeat', 'flow'],
    )
    return
  }
  for (const field of ['validate', 'actions'] as const) {
    if (step[field] !== undefined)
      add(
        'INVALID_SUBFLOW',
        `${at} is a ${flow ? 'flow' : 'repeat'} step and cannot have \`${field}\`; put it on the steps of '${child.id}'.`,
        [...path, field],
      )
  }
  if (!step.final && step.next === undefined)
    add('MISSING_NEXT', `${at} has no \`next\` for when '${child.id}' is done and is not final; add \`next: 'stepId'\`.`, path)
  if (!flow) checkBounds(step, at, path, add)
  checkKey(id, (flow ? step.key : (step.repeat as { key?: unknown }).key) ?? id, at, path, keys, add)
  for (const local of Object.keys(child.steps)) {
    const clash = flow ? `${id}.${local}` : `${id}.0.${local}`
    if (ids.has(clash)) add('INVALID_SUBFLOW', `${at} brings in step '${clash}', which is already defined; rename one of them.`, path)
  }
}

/**
 * The rules of `flow:` and `repeat:` steps, checked before the definition is laid out flat (then the
 * flat one gets every other check): a child that is a definition and does not include its parent,
 * bounds that work, no `validate` or `actions` of their own, no clashing state keys or step ids.
 */
export const checkComposition = (definition: WorkflowDefinition, add: Add) => {
  const steps = definition.steps as Record<string, Step>
  const keys = new Map<string, string>()
  const ids = new Set(Object.keys(steps))
  for (const [id, step] of Object.entries(steps)) if (isFlowStep(step) || isRepeatStep(step)) checkComposedStep(id, step, keys, ids, add)
  const chain = includesItself(definition)
  if (chain) {
    add(
      'RECURSIVE_SUBFLOW',
      `workflow '${definition.id}' includes itself through ${chain.map((s) => `'${s}'`).join(' → ')}, so it would never end; a flow cannot contain itself (use \`repeat\` to ask steps again).`,
      ['steps', chain[0] as string],
    )
  }
}
