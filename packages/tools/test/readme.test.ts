// The code of the README section "Flows as data (@flowkit/tools)", run as written (paths adjusted to this package).
import { readFileSync } from 'node:fs'
import { createWorkflow, journeyLog } from '@flowkit/core'
import { describe, expect, it, test } from 'vitest'
import { analyzeWorkflow, enumeratePaths } from '../src/analyze/index'
import { toGraph, toMermaid } from '../src/diagram/index'
import { checkWorkflow, formatProblems, loadWorkflow, type WorkflowRegistry } from '../src/index'

const text = readFileSync(new URL('../examples/checkout.flow.json', import.meta.url), 'utf8')

// README: Load a flow
const registry: WorkflowRegistry = {
  actions: {
    placeOrder: async ({ state }) => ({ orderId: `A-${state.items}` }),
  },
}
const checkout = loadWorkflow(text, registry)
const flow = createWorkflow(checkout, { log: journeyLog() })

describe('README snippets', () => {
  it('load a flow and run it', async () => {
    await flow.next({ items: 2, digitalOnly: true }) // shipping is skipped
    expect(flow.getSnapshot().step).toBe('delivery')
  })

  it('report every problem of a bad file', () => {
    // README: Bad files
    const { definition, problems } = checkWorkflow(
      '{ "id": "x", "initial": "start", "steps": { "start": { "next": "ned" }, "end": { "final": true } } }',
    )
    if (!definition) console.error(formatProblems(problems))
    // /steps/start/next (line 1:64): step 'start' names next step 'ned', which is not defined; defined steps: start, end. Did you mean 'end'?
    expect(formatProblems(problems)).toBe(
      "/steps/start/next (line 1:64): step 'start' names next step 'ned', which is not defined; defined steps: start, end. Did you mean 'end'?",
    )
  })

  it('draw diagrams', () => {
    // README: Diagrams
    const mermaid = toMermaid(checkout, { trace: flow.getSnapshot().log })
    const { nodes, edges } = toGraph(checkout, { trace: flow.getSnapshot().log })
    expect(mermaid).toContain('class s1 skipped')
    expect(nodes.find((n) => n.status === 'current')?.id).toBe('delivery')
    expect(edges.filter((e) => e.taken)).toHaveLength(2)
  })

  it('analyze', () => {
    // README: Analysis
    for (const finding of analyzeWorkflow(checkout)) console.warn(`${finding.severity}: ${finding.message}`)
    expect(analyzeWorkflow(checkout)).toEqual([])
  })
})

// README: One test per path
const { paths } = await enumeratePaths(checkout, {
  inputs: {
    cart: [
      { items: 1, digitalOnly: false },
      { items: 1, digitalOnly: true },
    ],
    shipping: [{ address: '1 Main Street', zip: '12345' }],
    delivery: [{ delivery: 'standard' }],
    payment: [{ method: 'card' }, { method: 'invoice' }],
    company: [{ company: 'Acme' }],
    review: [{ accepted: true }],
  },
})

for (const path of paths) {
  test(`checkout: ${path.name}`, async () => {
    const run = createWorkflow(checkout)
    for (const { input } of path.inputs) await run.next(input)
    expect(run.getSnapshot().status).toBe('done')
    expect(run.getSnapshot().history).toEqual(path.steps)
  })
}
