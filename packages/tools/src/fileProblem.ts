import type { DefinitionProblem, WorkflowError } from '@flowkit/core'
import type { FlowFile } from './format'
import { type FlowProblem, toPointer } from './problems'

/**
 * A path of core's into the file: a laid-out step (`'shipping.street'`) is its outermost file step
 * (`'shipping'`), the one the file can change; a stand-in `validate` is the file's `fields`.
 */
const filePath = (file: FlowFile, path: readonly (string | number)[]): (string | number)[] => {
  const [head, id, ...rest] = path
  if (head !== 'steps' || typeof id !== 'string') return [...path]
  if (Object.hasOwn(file.steps, id)) return ['steps', id, ...rest.map((s) => (s === 'validate' && rest.length === 1 ? 'fields' : s))]
  const outer = Object.keys(file.steps)
    .filter((s) => id.startsWith(`${s}.`))
    .sort((a, b) => b.length - a.length)[0]
  return outer === undefined ? ['steps', id, ...rest] : ['steps', outer]
}

/**
 * One of core's definition problems as a problem of the file it was checked on: the same code (core's
 * catch-all `INVALID_DEFINITION` is, in a file, a value that cannot work: `INVALID_VALUE`), with a
 * pointer into the file. The one mapping, for `checkDefinition`'s problems and `composeWorkflow`'s.
 */
export const fileProblem = (file: FlowFile, problem: DefinitionProblem): FlowProblem => ({
  code: problem.code === 'INVALID_DEFINITION' ? 'INVALID_VALUE' : problem.code,
  pointer: toPointer(filePath(file, problem.path)),
  message: problem.message,
})

/** The problems a `WorkflowError` of `composeWorkflow` lists (`details.problems`), or the error itself as one, as problems of `file`. */
export const fileProblemsOf = (file: FlowFile, error: WorkflowError): FlowProblem[] => {
  const { problems } = error.details as { problems?: readonly DefinitionProblem[] }
  const own: DefinitionProblem = {
    code: error.code,
    message: error.message,
    path: error.step === undefined ? [] : ['steps', error.step],
    ...(error.step === undefined ? {} : { step: error.step }),
  }
  return (Array.isArray(problems) ? problems : [own]).map((p) => fileProblem(file, p))
}
