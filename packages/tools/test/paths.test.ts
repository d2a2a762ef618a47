import { createWorkflow, defineWorkflow } from '@flowkit/core'
import { describe, expect, it } from 'vitest'
import { enumeratePaths } from '../src/analyze/index'
import { loadWorkflow } from '../src/index'

const plan = loadWorkflow({
  id: 'plan',
  initial: 'choose',
  state: { plan: '' },
  steps: {
    choose: {
      fields: { plan: { required: true, enum: ['single', 'family'] } },
      next: [{ to: 'dependents', when: { field: 'plan', eq: 'family' } }, { to: 'extras' }],
    },
    extras: { skip: { field: 'plan', eq: 'single' }, next: 'dependents' },
    dependents: { skip: { field: 'plan', eq: 'single' }, next: 'done' },
    done: { final: true },
  },
})

describe('enumeratePaths', () => {
  it('finds every distinct path for the sample inputs, with the inputs that take it', async () => {
    const { paths, rejected, truncated } = await enumeratePaths(plan, {
      inputs: { choose: [{ plan: 'single' }, { plan: 'family' }, { plan: 'single' }, { plan: 'gold' }] },
    })
    expect(truncated).toBe(false)
    expect(paths.map((p) => p.name)).toEqual(['choose → extras (skipped) → dependents (skipped) → done', 'choose → dependents → done'])
    expect(paths[0]).toMatchObject({
      steps: ['choose', 'done'],
      skipped: ['extras', 'dependents'],
      inputs: [
        { step: 'choose', input: { plan: 'single' } },
        { step: 'done', input: undefined },
      ],
      outcome: 'done',
      state: { plan: 'single' },
    })
    expect(rejected).toEqual([{ step: 'choose', input: { plan: 'gold' }, issues: { plan: ['must be one of: "single", "family"'] } }])
  })

  it('gives inputs that replay each path through a fresh engine', async () => {
    const { paths } = await enumeratePaths(plan, { inputs: { choose: [{ plan: 'single' }, { plan: 'family' }] } })
    for (const path of paths) {
      const flow = createWorkflow(plan)
      for (const { input } of path.inputs) await flow.next(input)
      expect(flow.getSnapshot().history).toEqual(path.steps)
      expect(flow.getSnapshot().skipped).toEqual(path.skipped)
      expect(flow.getSnapshot().status).toBe('done')
    }
  })

  it('reports paths that end in an engine error, such as a failing action or no matching guard', async () => {
    const definition = defineWorkflow({
      id: 'errors',
      initial: 'a',
      state: { n: 0 },
      steps: {
        a: { next: [{ to: 'b', when: ({ state }) => state.n === 1, label: 'n is 1' }] },
        b: {
          actions: [
            () => {
              throw new Error('payment declined')
            },
          ],
          next: 'c',
        },
        c: { final: true },
      },
    })
    const { paths } = await enumeratePaths(definition, { inputs: { a: [{ n: 1 }, { n: 2 }] } })
    expect(paths.map((p) => [p.name, p.outcome, p.error?.code])).toEqual([
      ['a → b (ACTION_FAILED)', 'error', 'ACTION_FAILED'],
      ['a (NO_CHOICE)', 'error', 'NO_CHOICE'],
    ])
  })

  it('ends a path that comes back to a step in the same state as a loop, since it goes on as the first visit did', async () => {
    const definition = defineWorkflow({
      id: 'loop',
      initial: 'ask',
      state: { ok: false },
      steps: {
        ask: { next: [{ to: 'end', when: ({ state }) => state.ok }, { to: 'retry' }] },
        retry: { next: 'ask' },
        end: { final: true },
      },
    })
    const { paths } = await enumeratePaths(definition, { inputs: { ask: [{ ok: false }, { ok: true }] } })
    expect(paths.map((p) => [p.name, p.outcome])).toEqual([
      ['ask → retry → ask (loop)', 'loop'],
      ['ask → end', 'done'],
    ])
  })

  it('stops at maxPaths and maxTransitions and says it was truncated', async () => {
    const byPaths = await enumeratePaths(plan, { inputs: { choose: [{ plan: 'single' }, { plan: 'family' }] }, maxPaths: 1 })
    expect(byPaths.paths).toHaveLength(1)
    expect(byPaths.truncated).toBe(true)
    const byTransitions = await enumeratePaths(plan, { inputs: { choose: [{ plan: 'single' }, { plan: 'family' }] }, maxTransitions: 2 })
    expect(byTransitions.truncated).toBe(true)
  })
})
