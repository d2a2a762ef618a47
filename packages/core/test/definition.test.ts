import { defineWorkflow, type WorkflowDefinition, WorkflowError } from '@flowkit/core'
import { describe, expect, test } from 'vitest'

// Definitions as a JavaScript caller (or a JSON file) would send them: types off, checks on.
const define = (definition: unknown) => () => defineWorkflow(definition as WorkflowDefinition)

const errorOf = (fn: () => unknown): WorkflowError => {
  try {
    fn()
  } catch (error) {
    if (error instanceof WorkflowError) return error
    throw error
  }
  throw new Error('expected a WorkflowError')
}

describe('defineWorkflow checks', () => {
  test('returns the definition it was given when it is sound', () => {
    const definition = { id: 'ok', initial: 'a', state: {}, steps: { a: { next: 'b' }, b: { final: true } } } as const
    expect(defineWorkflow(definition)).toBe(definition)
  })

  test('an unknown next step names the step, the bad value, the defined steps and a suggestion', () => {
    const error = errorOf(define({ id: 'c', initial: 'cart', state: {}, steps: { cart: { next: 'reveiw' }, review: { final: true } } }))
    expect(error.code).toBe('UNKNOWN_STEP')
    expect(error.step).toBe('cart')
    expect(error.message).toBe(
      "step 'cart' names next step 'reveiw', which is not defined; defined steps: cart, review. Did you mean 'review'?",
    )
  })

  test('a missing initial step says what to set', () => {
    const error = errorOf(define({ id: 'c', state: {}, steps: { a: { final: true } } }))
    expect(error.code).toBe('INVALID_DEFINITION')
    expect(error.message).toContain('`initial` is missing; set it to the first step, one of: a')
  })

  test('an unknown initial step is reported with a hint', () => {
    const error = errorOf(define({ id: 'c', initial: 'strat', state: {}, steps: { start: { final: true } } }))
    expect(error.code).toBe('UNKNOWN_STEP')
    expect(error.message).toContain("Did you mean 'start'?")
  })

  test('a final step with a next', () => {
    expect(errorOf(define({ id: 'c', initial: 'a', state: {}, steps: { a: { final: true, next: 'a' } } })).code).toBe('FINAL_WITH_NEXT')
  })

  test('a non-final step with no next', () => {
    const error = errorOf(define({ id: 'c', initial: 'a', state: {}, steps: { a: {}, b: { final: true } } }))
    expect(error.code).toBe('MISSING_NEXT')
    expect(error.message).toContain("add `next: 'stepId'` or `final: true`")
  })

  test('a next function without targets', () => {
    const error = errorOf(define({ id: 'c', initial: 'a', state: {}, steps: { a: { next: () => 'b' }, b: { final: true } } }))
    expect(error.code).toBe('MISSING_TARGETS')
  })

  test('an unknown target in targets and in guarded choices', () => {
    const error = errorOf(
      define({
        id: 'c',
        initial: 'a',
        state: {},
        steps: {
          a: { next: () => 'b', targets: ['b', 'x'] },
          b: { next: [{ to: 'y', when: () => true }, { to: 'c' }] },
          c: { final: true },
        },
      }),
    )
    expect(error.code).toBe('UNKNOWN_STEP')
    expect(error.message).toContain('has 2 problems')
    expect(error.message).toContain("step 'a' lists in `targets` step 'x'")
    expect(error.message).toContain("step 'b': choice #1 goes to step 'y'")
    expect((error.details.problems as unknown[]).length).toBe(2)
  })

  test('steps no path reaches', () => {
    const error = errorOf(define({ id: 'c', initial: 'a', state: {}, steps: { a: { final: true }, orphan: { next: 'a' } } }))
    expect(error.code).toBe('UNREACHABLE_STEP')
    expect(error.step).toBe('orphan')
    expect(error.message).toContain("step 'orphan' cannot be reached from 'a'")
  })

  test('skip cycles: steps that can all be skipped and lead to each other', () => {
    const skip = () => true
    const error = errorOf(
      define({
        id: 'c',
        initial: 'a',
        state: {},
        steps: { a: { next: 'b' }, b: { skip, next: 'c' }, c: { skip, next: [{ to: 'b', when: skip }, { to: 'd' }] }, d: { final: true } },
      }),
    )
    expect(error.code).toBe('SKIP_CYCLE')
    expect(error.message).toContain("'b' → 'c' → 'b'")
  })

  test('a flow with no final step can never finish', () => {
    expect(errorOf(define({ id: 'c', initial: 'a', state: {}, steps: { a: { next: 'a' } } })).code).toBe('MISSING_FINAL')
  })

  test('a final step cannot be skipped', () => {
    const error = errorOf(define({ id: 'c', initial: 'a', state: {}, steps: { a: { next: 'b' }, b: { final: true, skip: () => true } } }))
    expect(error.message).toContain("step 'b' is final and cannot be skipped")
  })

  test('two fallbacks in guarded choices', () => {
    const error = errorOf(
      define({ id: 'c', initial: 'a', state: {}, steps: { a: { next: [{ to: 'b' }, { to: 'b' }] }, b: { final: true } } }),
    )
    expect(error.message).toContain('2 choices without `when`; keep one fallback')
  })

  test.each([
    ['null', null, 'must be an object'],
    ['a string', 'checkout', 'must be an object'],
    ['no id', { initial: 'a', state: {}, steps: { a: { final: true } } }, 'needs an `id`'],
    ['no steps', { id: 'c', initial: 'a', state: {} }, 'needs `steps`'],
    ['empty steps', { id: 'c', initial: 'a', state: {}, steps: {} }, 'needs `steps`'],
    [
      'a state that is not an object',
      { id: 'c', initial: 'a', state: 3, steps: { a: { final: true } } },
      'initial `state` must be an object',
    ],
    ['a step that is not an object', { id: 'c', initial: 'a', state: {}, steps: { a: 7 } }, "step 'a' must be an object"],
    [
      'actions that are not functions',
      { id: 'c', initial: 'a', state: {}, steps: { a: { final: true, actions: ['save'] } } },
      'not an array of functions',
    ],
    [
      'a validate that is not a schema',
      { id: 'c', initial: 'a', state: {}, steps: { a: { final: true, validate: {} } } },
      'not a Standard Schema',
    ],
    ['a next of the wrong kind', { id: 'c', initial: 'a', state: {}, steps: { a: { next: 3 }, b: { final: true } } }, 'neither a step id'],
  ])('a malformed definition (%s) is a WorkflowError, never a crash', (_, definition, message) => {
    const error = errorOf(define(definition))
    expect(error.message).toContain(message)
  })
})
