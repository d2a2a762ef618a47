import type { WorkflowDefinition } from '../types'
import { isWorkflowError } from '../WorkflowError'
import type { Add, DefinitionProblem } from './checkDefinition'
import { isFlowStep, isRepeatStep } from './composed'
import { expand } from './expand'

/**
 * The problems of the definitions a composed definition includes (`flow:`, `repeat.flow`), each said of the step
 * that includes it and with its path under it (`['steps', 'billing', 'flow', 'steps', 'street', 'next']`). A child
 * built by `defineWorkflow` has none (it was checked then); a plain object passed as a child may.
 */
export const checkChildren = (definition: WorkflowDefinition, add: Add, check: (child: unknown) => DefinitionProblem[]): void => {
  for (const [id, step] of Object.entries(definition.steps as Record<string, unknown>)) {
    const at = isFlowStep(step) ? ['flow'] : isRepeatStep(step) ? ['repeat', 'flow'] : undefined
    if (!at) continue
    const child = (at.length === 1 ? (step as { flow: unknown }).flow : (step as { repeat: { flow: unknown } }).repeat.flow) as {
      id?: unknown
    }
    const name = typeof child.id === 'string' ? `'${child.id}'` : '(no id)'
    for (const p of check(child))
      add(p.code, `in sub-flow ${name}, included by step '${id}': ${p.message}`, ['steps', id, ...at, ...p.path], p.hint)
  }
}

/** Lays out a checked composed definition, reporting what laying out refuses as a problem instead of throwing it. */
export const laidOut = (definition: WorkflowDefinition, add: Add): WorkflowDefinition | undefined => {
  try {
    return expand(definition)
  } catch (error) {
    if (!isWorkflowError(error)) throw error
    add(error.code, error.message, [])
    return undefined
  }
}
