import { defineWorkflow, type WorkflowDefinition } from '@flowkit/core'
import { describe, expectTypeOf, it } from 'vitest'
import { analyzeWorkflow, enumeratePaths, type Finding, type PathEnumeration } from '../src/analyze/index'
import { toGraph, toMermaid, type WorkflowGraph } from '../src/diagram/index'
import { checkWorkflow, loadWorkflow, type WorkflowRegistry } from '../src/index'

const coded = defineWorkflow({
  id: 'a',
  initial: 'x',
  state: { n: 0 },
  steps: { x: { next: 'y' }, y: { final: true } },
})

describe('types', () => {
  it('loadWorkflow returns the type defineWorkflow returns, typed as the caller says', () => {
    expectTypeOf(loadWorkflow('')).toEqualTypeOf<WorkflowDefinition<Record<string, any>, string>>()
    expectTypeOf(loadWorkflow<{ n: number }, 'x' | 'y'>('')).toEqualTypeOf<typeof coded>()
    expectTypeOf(checkWorkflow<{ n: number }, 'x' | 'y'>('').definition).toEqualTypeOf<typeof coded | undefined>()
  })

  it('registry actions receive the engine context', () => {
    const registry: WorkflowRegistry = { actions: { save: ({ input, signal }) => ({ saved: input, aborted: signal.aborted }) } }
    expectTypeOf(registry.actions).toExtend<object | undefined>()
  })

  it('diagrams and analysis accept typed definitions from code', () => {
    expectTypeOf(toMermaid(coded)).toEqualTypeOf<string>()
    expectTypeOf(toGraph(coded)).toEqualTypeOf<WorkflowGraph>()
    expectTypeOf(analyzeWorkflow(coded)).toEqualTypeOf<Finding[]>()
    expectTypeOf(enumeratePaths(coded, { inputs: { x: [{ n: 1 }] } })).toEqualTypeOf<Promise<PathEnumeration<'x' | 'y'>>>()
    // @ts-expect-error: inputs are keyed by step id
    enumeratePaths(coded, { inputs: { nope: [] } })
  })
})
