import { type Compiled, compile } from '../definition/compile'
import type { WorkflowDefinition } from '../types'

let lastDefinition: WorkflowDefinition | undefined
let lastCompiled: Compiled | undefined

/**
 * `compile(definition)` for the moves, remembering the definition last asked for: a flow asks for its own on
 * every move, and comparing it costs less than compile's WeakMap lookup. Holds on to that one definition only.
 */
export const compiledOf = (definition: WorkflowDefinition): Compiled => {
  if (definition === lastDefinition) return lastCompiled as Compiled
  const c = compile(definition)
  lastDefinition = definition
  lastCompiled = c
  return c
}
