import { journeyLog, resumeWorkflow, type Workflow, type WorkflowDefinition, type WorkflowError, type WorkflowOptions } from '@flowkit/core'
import { snapshotAt, type WorkflowSeed } from './snapshotAt'

/**
 * A workflow opened at a step with a seeded state, path and drafts (see `snapshotAt`), resumed through
 * the engine's own snapshot restore, with its journey log kept (`log: journeyLog()`). For stories, tests and docs: "the checkout at payment, with a
 * hoodie in the basket". Throws a `WorkflowError` saying what to change when the seed does not fit.
 * @example
 * const flow = createWorkflowAt(enrollment, { at: 'student', state: { eligibility: 'student' } })
 * await flow.next({ institution: 'Trinity College', studentId: 'TC12345', graduationYear: 2028 })
 */
export function createWorkflowAt<S extends object, K extends string>(
  definition: WorkflowDefinition<S, K>,
  seed: WorkflowSeed<S, K> = {},
  options: Omit<WorkflowOptions, 'snapshot' | 'persist'> = {},
): Workflow<S, K> {
  const snapshot = snapshotAt(definition, seed)
  let resuming = true
  let problem: WorkflowError | undefined
  // A preview keeps the journey (a story's diagram draws it) unless `options.log` says otherwise.
  const workflow = resumeWorkflow(definition, snapshot, {
    log: journeyLog(),
    ...options,
    onError: (error) => {
      if (resuming) problem ??= error
      else options.onError?.(error)
    },
  })
  resuming = false
  // The seed was replayed on a copy of the definition; the real one refusing it means a guard reads something else.
  if (problem) throw problem
  return workflow
}
