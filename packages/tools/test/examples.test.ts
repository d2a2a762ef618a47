import { createWorkflow } from '@flowkit/core'
import { describe, expect, it } from 'vitest'
import { analyzeWorkflow, enumeratePaths } from '../src/analyze/index'
import { toMermaid } from '../src/diagram/index'
import { checkWorkflow, loadWorkflow } from '../src/index'
import { example } from './fixtures/files'
import { checkoutInputs, enrollmentInputs, registry } from './fixtures/registry'

const flows = [
  { name: 'checkout', inputs: checkoutInputs, expected: 4 },
  { name: 'enrollment', inputs: enrollmentInputs, expected: 6 },
] as const

describe.each(flows)('the $name example', ({ name, inputs, expected }) => {
  const definition = loadWorkflow(example(name), registry)

  it('loads with the registry and has no problems or findings', () => {
    expect(checkWorkflow(example(name), { registry }).problems).toEqual([])
    expect(analyzeWorkflow(definition)).toEqual([])
    expect(toMermaid(definition)).toMatch(/^flowchart TD\n/)
  })

  it('walks every enumerated path through the engine to the end', async () => {
    const { paths, truncated } = await enumeratePaths(definition, { inputs })
    expect(truncated).toBe(false)
    expect(paths).toHaveLength(expected)
    for (const path of paths) {
      expect(path.outcome, path.name).toBe('done')
      const flow = createWorkflow(definition)
      for (const { step, input } of path.inputs) {
        expect(flow.getSnapshot().step).toBe(step)
        const snapshot = await flow.next(input)
        expect(snapshot.issues).toEqual({})
        expect(snapshot.error).toBeNull()
      }
      expect(flow.getSnapshot().status).toBe('done')
      expect(flow.getSnapshot().history).toEqual(path.steps)
      expect(flow.getSnapshot().skipped).toEqual(path.skipped)
    }
  })
})

describe('the example paths', () => {
  it('cover each branch of checkout: shipping skipped for digital carts, company details for invoices', async () => {
    const { paths, rejected } = await enumeratePaths(loadWorkflow(example('checkout'), registry), { inputs: checkoutInputs })
    expect(paths.map((p) => p.name)).toEqual([
      'cart → shipping → delivery → payment → review → confirmation',
      'cart → shipping → delivery → payment → company → review → confirmation',
      'cart → shipping (skipped) → delivery → payment → review → confirmation',
      'cart → shipping (skipped) → delivery → payment → company → review → confirmation',
    ])
    expect(paths[0]?.state).toMatchObject({ orderId: 'A-1001', method: 'card' })
    expect(rejected).toEqual([
      { step: 'cart', input: { items: 0, digitalOnly: false }, issues: { items: ['add at least one item to the cart'] } },
    ])
  })

  it('cover each eligibility branch of enrollment, with dependents skipped for a single plan', async () => {
    const { paths } = await enumeratePaths(loadWorkflow(example('enrollment'), registry), { inputs: enrollmentInputs })
    expect(paths.map((p) => p.name)).toContain('about → eligibility → studies → plan → dependents (skipped) → consents → review → done')
    expect(paths.map((p) => p.name)).toContain('about → eligibility → situation → plan → dependents → consents → review → done')
    expect(paths.every((p) => (p.state as { applicationId: string }).applicationId === 'E-42')).toBe(true)
  })
})
