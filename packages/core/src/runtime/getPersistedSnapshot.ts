import { type SerializeOptions, serialize } from '../kernel/serialize'
import type { PersistedSnapshot } from '../types'
import { WorkflowError } from '../WorkflowError'
import { RUNTIME, type Workflow } from './createWorkflow'
import type { Runtime } from './submit'

/**
 * A JSON-safe snapshot of a workflow to store or send: its path with each step's input and
 * contribution, drafts and log. Resume it with `resumeWorkflow(definition, snapshot)`; the server
 * verifies it by replay. A bundle that never calls it ships no serialization.
 * @example
 * localStorage.setItem('signup', JSON.stringify(getPersistedSnapshot(flow, { exclude: ['password'] })))
 */
export function getPersistedSnapshot<S extends object, K extends string>(
  workflow: Workflow<S, K>,
  options?: Omit<SerializeOptions, 'at'>,
): PersistedSnapshot {
  const rt = (workflow as unknown as Partial<Record<symbol, Runtime>>)?.[RUNTIME]
  if (!rt) {
    throw new WorkflowError(
      'INVALID_OPTION',
      process.env.NODE_ENV !== 'production' &&
        'getPersistedSnapshot(workflow) takes what createWorkflow() or resumeWorkflow() returned (in React, what useWorkflow() returns).',
      { category: 'usage' },
    )
  }
  return serialize(rt.def, rt.current().state, { ...options, at: rt.now() })
}
