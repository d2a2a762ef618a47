import { checkDefinition, composeWorkflow, isWorkflowError, WorkflowError } from '@flowkit/core'
import { describe, expect, it } from 'vitest'
import { fileProblem, fileProblemsOf } from '../src/fileProblem'
import type { FlowFile } from '../src/format'

const file = {
  id: 'checkout',
  initial: 'shipping',
  steps: { shipping: { flow: 'address', next: 'done' }, done: { final: true } },
} as unknown as FlowFile

/** A composed definition core refuses: after the sub-flow, it goes to a step it does not have. */
const broken = {
  id: 'checkout',
  initial: 'shipping',
  state: {},
  steps: {
    shipping: {
      flow: { id: 'address', initial: 'street', state: {}, steps: { street: { next: 'city' }, city: { final: true } } },
      next: 'dne',
    },
    done: { final: true },
  },
}

const thrown = (): WorkflowError => {
  try {
    composeWorkflow(broken as never)
  } catch (error) {
    if (isWorkflowError(error)) return error
  }
  throw new Error('composeWorkflow accepted the broken definition')
}

describe("core's problems as a file's", () => {
  it("give a problem of a laid-out step the code core gives it and a pointer to the file's step", () => {
    expect(
      fileProblem(file, { code: 'MISSING_TARGETS', message: 'm', step: 'shipping.street', path: ['steps', 'shipping.street', 'next'] }),
    ).toEqual({ code: 'MISSING_TARGETS', pointer: '/steps/shipping', message: 'm' })
    expect(fileProblem(file, { code: 'INVALID_DEFINITION', message: 'm', step: 'done', path: ['steps', 'done', 'next', 0] })).toEqual({
      code: 'INVALID_VALUE',
      pointer: '/steps/done/next/0',
      message: 'm',
    })
  })

  it("map composeWorkflow's error as checkDefinition's problems are mapped: same codes, same pointers", () => {
    const error = thrown()
    const fromCheck = checkDefinition(broken).map((p) => fileProblem(file, p))
    expect(fromCheck.length).toBeGreaterThan(0)
    expect(fileProblemsOf(file, error)).toEqual(fromCheck)
    expect(fromCheck.map((p) => [p.code, p.pointer])).toEqual([['UNKNOWN_STEP', '/steps/shipping']])
  })

  it('take an error without a list of problems as one, at its step', () => {
    const error = new WorkflowError('UNKNOWN_STEP', 'm', { category: 'definition', step: 'shipping.city' })
    expect(fileProblemsOf(file, error)).toEqual([{ code: 'UNKNOWN_STEP', pointer: '/steps/shipping', message: 'm' }])
    expect(fileProblemsOf(file, new WorkflowError('INVALID_DEFINITION', 'm', { category: 'definition' }))).toEqual([
      { code: 'INVALID_VALUE', pointer: '', message: 'm' },
    ])
  })
})
