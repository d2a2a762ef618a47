import { createWorkflow, isWorkflowError } from '@flowkit/core'
import { describe, expect, it } from 'vitest'
import { checkWorkflow, type FlowProblem, loadWorkflow } from '../src/index'

const base = () => ({
  id: 'checkout',
  initial: 'cart',
  steps: {
    cart: { next: 'review' } as Record<string, unknown>,
    review: { actions: ['placeOrder'], next: 'done' } as Record<string, unknown>,
    done: { final: true } as Record<string, unknown>,
  } as Record<string, Record<string, unknown>>,
})
const registry = { actions: { placeOrder: () => ({}) }, guards: { isVip: () => true } }
const problems = (source: unknown): FlowProblem[] => [...checkWorkflow(source, { registry }).problems]
const only = (source: unknown) => {
  const found = problems(source)
  expect(found).toHaveLength(1)
  return found[0] as FlowProblem
}

describe('problems in flow files', () => {
  it('reports a JSON syntax error with its line and column', () => {
    const p = only('{\n  "id": "a",\n  "initial": "x",,\n}')
    expect(p).toMatchObject({ code: 'PARSE_ERROR', pointer: '', line: 3 })
    expect(p.message).toMatch(/^the file is not valid JSON or YAML: /)
  })

  it('reports a YAML syntax error, and a duplicate key, with their lines', () => {
    expect(only('id: a\nsteps: [\n')).toMatchObject({ code: 'PARSE_ERROR' })
    const dup = only('id: a\nid: b\ninitial: x\nsteps: { x: { final: true } }')
    expect(dup).toMatchObject({ code: 'PARSE_ERROR', line: 2 })
    expect(dup.message).toContain('unique')
  })

  it('refuses documents nested too deeply before validating them', () => {
    const deep = `${'['.repeat(5000)}${']'.repeat(5000)}`
    expect(only(deep).code).toMatch(/TOO_DEEP|PARSE_ERROR/)
    let condition: unknown = { field: 'a', eq: 1 }
    for (let i = 0; i < 200; i++) condition = { not: condition }
    const file = base()
    file.steps.cart = { next: [{ to: 'review', when: condition }, { to: 'review' }] }
    expect(only(file)).toMatchObject({ code: 'TOO_DEEP', message: expect.stringContaining('nests deeper than 64 levels') })
  })

  it('reports a wrong type with the value found', () => {
    const file = base()
    file.steps.done = { final: 'yes' }
    expect(only(file)).toEqual({
      code: 'INVALID_TYPE',
      pointer: '/steps/done/final',
      message: `'final' must be a boolean, not the string "yes".`,
    })
    expect(only([1, 2])).toEqual({ code: 'INVALID_TYPE', pointer: '', message: 'the file must be an object, not an array.' })
  })

  it('reports a missing key', () => {
    const { initial: _, ...file } = base()
    expect(only(file)).toEqual({ code: 'MISSING_KEY', pointer: '/initial', message: "'initial' is missing; it must be a string." })
  })

  it('reports an unknown key with a did-you-mean hint', () => {
    const file = base()
    file.steps.cart = { nxt: 'review', next: 'review' }
    expect(only(file)).toEqual({
      code: 'UNKNOWN_KEY',
      pointer: '/steps/cart/nxt',
      message: "unknown key 'nxt'.",
      hint: "Did you mean 'next'?",
    })
  })

  it('reports a bad value, a bad step id and a malformed condition', () => {
    const file = base()
    file.steps.cart = {
      next: [
        { to: 'review', when: { field: 'plan', eq: 'a', ne: 'b' } },
        { to: 'review', when: { fild: 'x' } },
      ],
    }
    file.steps['bad id!'] = { final: true }
    const found = problems(file)
    expect(found).toContainEqual({
      code: 'INVALID_VALUE',
      pointer: '/steps/cart/next/0/when',
      message: `'when' is invalid: a comparison takes exactly one operator, found eq and ne; combine several with { "all": [...] }.`,
    })
    expect(found).toContainEqual(
      expect.objectContaining({
        code: 'INVALID_VALUE',
        pointer: '/steps/cart/next/1/when',
        message: expect.stringContaining('a condition needs one of the keys'),
      }),
    )
    expect(found).toContainEqual(
      expect.objectContaining({
        code: 'INVALID_VALUE',
        pointer: '/steps/bad id!',
        message: expect.stringContaining('must start with a letter'),
      }),
    )
  })

  it('reports an unknown step with a did-you-mean hint', () => {
    const file = base()
    file.steps.cart = { next: 'reveiw' }
    expect(problems(file)).toContainEqual({
      code: 'UNKNOWN_STEP',
      pointer: '/steps/cart/next',
      message: "step 'cart' names next step 'reveiw', which is not defined; defined steps: cart, review, done. Did you mean 'review'?",
    })
  })

  it('lists the defined steps when no name is close', () => {
    const file = { ...base(), initial: 'zzz' }
    expect(only(file)).toEqual({
      code: 'UNKNOWN_STEP',
      pointer: '/initial',
      message: "`initial` names step 'zzz', which is not defined; defined steps: cart, review, done.",
    })
  })

  it('reports an action missing from the registry', () => {
    const file = base()
    file.steps.review = { actions: ['placeOrdr'], next: 'done' }
    expect(only(file)).toEqual({
      code: 'UNKNOWN_ACTION',
      pointer: '/steps/review/actions/0',
      message: "step 'review' runs action 'placeOrdr', which is not in the registry.",
      hint: "Did you mean 'placeOrder'?",
    })
  })

  it('checked without a registry, a flow whose action is missing fails that step with UNKNOWN_ACTION, state unchanged', async () => {
    const { definition, problems } = checkWorkflow({
      id: 'x',
      initial: 'a',
      steps: { a: { actions: ['pay'], next: 'b' }, b: { final: true } },
    })
    expect(problems).toEqual([])
    const flow = createWorkflow(definition as NonNullable<typeof definition>)
    await flow.next({ amount: 3 })
    const { step, error } = flow.getSnapshot()
    expect(step).toBe('a')
    expect(isWorkflowError(error)).toBe(true)
    expect(error).toMatchObject({ code: 'UNKNOWN_ACTION', category: 'definition', details: { action: 'pay' } })
    expect(error?.message).toBe("action 'pay' is not in the registry; pass it in registry.actions to run this flow.")
  })

  it('reports a guard missing from the registry, deep in a condition', () => {
    const file = base()
    file.steps.cart = { next: [{ to: 'review', when: { all: [{ field: 'a', eq: 1 }, { not: { guard: 'isVIP' } }] } }, { to: 'done' }] }
    expect(only(file)).toEqual({
      code: 'UNKNOWN_GUARD',
      pointer: '/steps/cart/next/0/when/all/1/not/guard',
      message: "guard 'isVIP' is not in the registry.",
      hint: "Did you mean 'isVip'?",
    })
  })

  it('reports an unreachable step', () => {
    const file = base()
    file.steps.orphan = { next: 'done' }
    expect(only(file)).toEqual({
      code: 'UNREACHABLE_STEP',
      pointer: '/steps/orphan',
      message: "step 'orphan' cannot be reached from 'cart'; link to it from another step's `next`, or remove it.",
    })
  })

  it('reports a step without next, a final step with next, and a flow without final step', () => {
    const file = base()
    file.steps.cart = {}
    expect(problems(file)[0]).toMatchObject({
      code: 'MISSING_NEXT',
      pointer: '/steps/cart',
      message: "step 'cart' has no `next` and is not final; add `next: 'stepId'` or `final: true`.",
    })
    const withNext = base()
    withNext.steps.done = { final: true, next: 'cart' }
    expect(only(withNext)).toMatchObject({ code: 'FINAL_WITH_NEXT', pointer: '/steps/done/next' })
    const noFinal = base()
    noFinal.steps.done = { next: 'cart' }
    expect(only(noFinal)).toMatchObject({
      code: 'MISSING_FINAL',
      pointer: '/steps',
      message: 'no step is `final: true`, so the flow can never finish; mark its last step final.',
    })
  })

  it('reports an invalid pattern', () => {
    const file = base()
    file.steps.cart = { next: 'review', fields: { zip: { pattern: '([0-9]' } } }
    expect(only(file)).toMatchObject({ code: 'INVALID_VALUE', pointer: '/steps/cart/fields/zip/pattern' })
  })

  it('passes on what the engine finds, such as a skip cycle, with a pointer to the step', () => {
    const file = {
      id: 'loop',
      initial: 'a',
      steps: {
        a: { next: 'b' },
        b: { skip: { field: 'x', eq: 1 }, next: [{ to: 'c', when: { field: 'y', eq: 1 } }, { to: 'end' }] },
        c: { skip: { field: 'x', eq: 1 }, next: 'b' },
        end: { final: true },
      },
    }
    expect(only(file)).toMatchObject({ code: 'SKIP_CYCLE', pointer: '/steps/b', message: expect.stringContaining("'b' → 'c' → 'b'") })
  })

  it('reports every problem at once, with line numbers for text', () => {
    const text = JSON.stringify(
      {
        id: 'checkout',
        initial: 'cart',
        steps: { cart: { next: 'reveiw', titel: 'Cart' }, review: { actions: ['nope'], next: 'done' }, done: { final: 1 } },
      },
      null,
      2,
    )
    const found = problems(text)
    // cart fails the schema (titel) and still gets its unknown next step reported.
    expect(found.map((p) => `${p.code} ${p.pointer}`).sort()).toEqual([
      'INVALID_TYPE /steps/done/final',
      'UNKNOWN_ACTION /steps/review/actions/0',
      'UNKNOWN_KEY /steps/cart/titel',
      'UNKNOWN_STEP /steps/cart/next',
    ])
    expect(found.every((p) => typeof p.line === 'number')).toBe(true)
  })

  it('throws one WorkflowError from loadWorkflow with every problem in details', () => {
    const file = base()
    file.steps.cart = { next: 'reveiw' }
    file.steps.review = { actions: ['nope'], next: 'done' }
    let error: unknown
    try {
      loadWorkflow(file, registry)
    } catch (e) {
      error = e
    }
    expect(isWorkflowError(error) && error.code).toBe('INVALID_DEFINITION')
    const message = (error as Error).message
    expect(message).toContain("the flow file 'checkout' has 2 problems:")
    expect(message).toContain(
      "/steps/cart/next: step 'cart' names next step 'reveiw', which is not defined; defined steps: cart, review, done. Did you mean 'review'?",
    )
    expect(message).toContain("/steps/review/actions/0: step 'review' runs action 'nope', which is not in the registry.")
    expect((error as { details: { problems: FlowProblem[] } }).details.problems).toHaveLength(2)
  })

  it('checks names only when a registry is given, so files can be checked on their own', () => {
    const file = base()
    file.steps.review = { actions: ['anything'], next: 'done' }
    expect(checkWorkflow(file).problems).toEqual([])
    expect(checkWorkflow(file, { registry: {} }).problems).toHaveLength(1)
  })

  it('refuses prototype keys as step ids or state keys', () => {
    const text = '{"id":"a","initial":"x","state":{"__proto__":{"polluted":true}},"steps":{"x":{"final":true},"__proto__":{"final":true}}}'
    expect(problems(text)).toEqual([
      expect.objectContaining({ code: 'INVALID_VALUE', pointer: '/steps/__proto__', message: "the key '__proto__' is not allowed." }),
      expect.objectContaining({ code: 'INVALID_VALUE', pointer: '/state/__proto__' }),
    ])
    expect(({} as { polluted?: boolean }).polluted).toBeUndefined()
  })
})
