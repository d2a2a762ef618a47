import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { analyzeWorkflow, enumeratePaths } from '../src/analyze/index'
import { toGraph, toMermaid } from '../src/diagram/index'
import { checkWorkflow, type FlowProblem, loadWorkflow } from '../src/index'
import { example } from './fixtures/files'

const registry = { actions: { placeOrder: () => ({}) }, guards: { isVip: () => true } }
const checkout = JSON.parse(example('checkout')) as unknown

/** Never throws; either a definition or at least one well-formed problem. */
const assertHandled = (source: unknown) => {
  const result = checkWorkflow(source, { registry })
  if (result.definition) {
    expect(result.problems).toEqual([])
    analyzeWorkflow(result.definition)
    toMermaid(result.definition)
    toGraph(result.definition)
  } else {
    expect(result.problems.length).toBeGreaterThan(0)
    for (const p of result.problems as FlowProblem[]) {
      expect(typeof p.message).toBe('string')
      expect(p.pointer === '' || p.pointer.startsWith('/')).toBe(true)
      expect(p.message).not.toMatch(/could not be checked/) // the safety net never fires
    }
  }
  return result
}

/** Every path into a JSON value, so mutations can hit any part of a document. */
const pathsOf = (value: unknown, path: (string | number)[] = []): (string | number)[][] => {
  if (typeof value !== 'object' || value === null) return [path]
  return [path, ...Object.entries(value).flatMap(([k, v]) => pathsOf(v, [...path, Array.isArray(value) ? Number(k) : k]))]
}
const checkoutPaths = pathsOf(checkout).filter((p) => p.length > 0)

const mutate = (doc: unknown, path: (string | number)[], replacement: unknown, remove: boolean): unknown => {
  const copy = structuredClone(doc) as Record<string | number, unknown>
  let target = copy
  for (const key of path.slice(0, -1)) target = target[key] as Record<string | number, unknown>
  const last = path.at(-1) as string | number
  if (remove) delete target[last]
  else target[last] = replacement
  return copy
}

const stepId = fc.constantFrom('cart', 'review', 'done', 'reveiw', '', 'bad id', '__proto__', 'constructor')
const condition = fc.letrec<{ cond: unknown }>((tie) => ({
  cond: fc.oneof(
    { depthSize: 'small' },
    fc.record({ field: fc.constantFrom('plan', 'age', 'a.b', ''), eq: fc.jsonValue() }, { requiredKeys: ['field'] }),
    fc.record({ field: fc.string(), gte: fc.oneof(fc.integer(), fc.string()) }),
    fc.record({ all: fc.array(tie('cond'), { maxLength: 3 }) }),
    fc.record({ any: fc.array(tie('cond'), { maxLength: 3 }) }),
    fc.record({ not: tie('cond') }),
    fc.record({ guard: fc.constantFrom('isVip', 'nope', 'toString') }),
    fc.jsonValue(),
  ),
})).cond
const step = fc.record(
  {
    title: fc.oneof(fc.string(), fc.integer()),
    next: fc.oneof(
      stepId,
      fc.array(fc.record({ to: stepId, when: condition, label: fc.string() }, { requiredKeys: ['to'] }), { maxLength: 3 }),
    ),
    final: fc.oneof(fc.boolean(), fc.constant('yes')),
    skip: condition,
    actions: fc.array(fc.constantFrom('placeOrder', 'nope', 'toString', '')),
    fields: fc.dictionary(
      fc.string(),
      fc.record({ type: fc.string(), required: fc.boolean(), pattern: fc.string(), minLength: fc.integer() }, { requiredKeys: [] }),
    ),
  },
  { requiredKeys: [] },
)
const flowFile = fc.record(
  { id: fc.oneof(fc.string(), fc.integer()), initial: stepId, state: fc.jsonValue(), steps: fc.dictionary(stepId, step, { maxKeys: 5 }) },
  { requiredKeys: [] },
)

describe('malformed flow files (property tests)', () => {
  it('handles any value without throwing', () => {
    fc.assert(
      fc.property(fc.anything({ withBigInt: true, withDate: true, withMap: true, withTypedArray: true }), (value) => {
        assertHandled(value)
      }),
      { numRuns: 2000 },
    )
  })

  it('handles any text without throwing', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary' }), fc.json()), (text) => {
        assertHandled(text)
      }),
      { numRuns: 2000 },
    )
  })

  it('handles the example flow with any part replaced or removed', () => {
    fc.assert(
      fc.property(fc.constantFrom(...checkoutPaths), fc.jsonValue(), fc.boolean(), (path, replacement, remove) => {
        assertHandled(mutate(checkout, path, replacement, remove))
      }),
      { numRuns: 2000 },
    )
  })

  it('handles the example text with characters inserted or deleted', () => {
    const text = example('checkout')
    fc.assert(
      fc.property(fc.nat(text.length - 1), fc.nat(20), fc.string({ maxLength: 5 }), (at, cut, insert) => {
        assertHandled(`${text.slice(0, at)}${insert}${text.slice(at + cut)}`)
      }),
      { numRuns: 1000 },
    )
  })

  it('handles random flow-shaped documents, and loadWorkflow throws only WorkflowErrors', () => {
    fc.assert(
      fc.property(flowFile, (file) => {
        assertHandled(file)
        try {
          loadWorkflow(file, registry)
        } catch (error) {
          expect((error as { code?: string }).code).toBe('INVALID_DEFINITION')
        }
      }),
      { numRuns: 3000 },
    )
  })

  it('enumerates the paths of every random flow that loads, within its limits', async () => {
    await fc.assert(
      fc.asyncProperty(flowFile, fc.array(fc.jsonValue(), { maxLength: 3 }), async (file, samples) => {
        const { definition } = checkWorkflow(file, { registry })
        if (!definition) return
        const inputs = Object.fromEntries(Object.keys(definition.steps).map((id) => [id, samples]))
        const result = await enumeratePaths(definition, { inputs, maxTransitions: 500 })
        expect(result.paths.length + result.rejected.length).toBeGreaterThan(0)
      }),
      { numRuns: 500 },
    )
  })

  it('refuses YAML alias bombs quickly', () => {
    const bomb = ['a: &a ["x","x","x","x","x","x","x","x","x"]']
    for (let i = 0; i < 9; i++)
      bomb.push(
        `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(9)
          .fill(`*${String.fromCharCode(97 + i)}`)
          .join(',')}]`,
      )
    const { problems } = assertHandled(bomb.join('\n'))
    expect(problems[0]?.code).toMatch(/PARSE_ERROR|TOO_DEEP/)
  })
})
