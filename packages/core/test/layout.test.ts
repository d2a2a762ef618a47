import { join } from 'node:path'
import { composeWorkflow, createWorkflow, defineWorkflow, mergeAt, viewOf } from '@flowkit/core'
import { build } from 'vite'
import { describe, expect, test } from 'vitest'
import { sourceResolve } from '../../../vitest.shared'

const root = join(import.meta.dirname, '../../..')

const person = defineWorkflow({
  id: 'person',
  initial: 'name',
  state: { name: '' },
  steps: { name: { next: 'age' }, age: { final: true } },
})

const household = composeWorkflow({
  id: 'household',
  initial: 'people',
  state: {} as { people?: { name: string; age?: number }[] },
  steps: {
    people: { title: 'People', repeat: { flow: person, min: 2, max: 3 }, next: 'pets' },
    pets: { final: true },
  },
})

/** A repeat inside a sub-flow, whose child starts with one person already (`in`). */
const home = composeWorkflow({
  id: 'home',
  initial: 'start',
  state: { city: 'Leeds' } as { city: string; home?: { people?: { name: string; age?: number }[] } },
  steps: {
    start: { next: 'home' },
    home: { flow: household, in: () => ({ people: [{ name: 'Ada', age: 36 }] }), next: 'done' },
    done: { final: true },
  },
})

const stepOf = (id: keyof typeof home.steps) => {
  const step = home.steps[id]
  if (!step) throw new Error(`no step ${id}`)
  return step
}

describe('what composeWorkflow lays out', () => {
  test('a flat definition carries no layout: its steps see the flow state, and a patch merges into it', () => {
    const { steps } = defineWorkflow({ id: 'flat', initial: 'a', state: { n: 0 }, steps: { a: { next: 'b' }, b: { final: true } } })
    for (const step of Object.values(steps)) {
      expect(Object.keys(step).filter((key) => ['scope', 'view', 'merge', 'summary'].includes(key))).toEqual([])
    }
    const state = Object.freeze({ n: 0 })
    expect(viewOf(steps.a, state)).toBe(state)
    expect(mergeAt(steps.a, state, { n: 1 })).toEqual({ n: 1 })
    expect(mergeAt(steps.a, state, {})).toBe(state)
  })

  test('a child step keeps its place as data (scope keys), and views and merges its data there', () => {
    const step = stepOf('home.people.1.name')
    expect(step.scope?.map((level) => level.key)).toEqual(['home', 'people', 1])
    const state = { city: 'Leeds', home: { people: [{ name: 'Ada', age: 36 }] } }
    expect(viewOf(step, state)).toEqual({ name: '' })
    expect(step.view?.(state)).toEqual(viewOf(step, state))
    const after = mergeAt(step, state, { name: 'Bob' })
    expect(after).toEqual({ city: 'Leeds', home: { people: [{ name: 'Ada', age: 36 }, { name: 'Bob' }] } })
    // Only the objects on the way are copied: the other item is shared.
    expect((after as typeof state).home.people[0]).toBe(state.home.people[0])
    expect(viewOf(stepOf('home.people'), {})).toEqual({ people: [{ name: 'Ada', age: 36 }] })
  })

  test("a summary keeps its slots, key and bounds as data, its items' steps in the flat flow", () => {
    const { summary } = stepOf('home.people')
    expect(summary && { key: summary.key, min: summary.min, max: summary.max, flow: summary.flow }).toEqual({
      key: 'people',
      min: 2,
      max: 3,
      flow: 'person',
    })
    expect(summary?.slots[2]).toEqual(['home.people.2.name', 'home.people.2.age'])
  })

  test('a repeat inside a sub-flow predicts the items it still needs from its own data', () => {
    const { upcoming, progress } = createWorkflow(home).getSnapshot()
    // One person comes with `in`: one more is needed to reach min 2, then the summary.
    expect(upcoming).toEqual(['home.people.1.name', 'home.people.1.age', 'home.people', 'home.pets', 'done'])
    expect(progress).toEqual({ position: 1, total: 6, exact: true })
  })

  test("removing an item of a repeat inside a sub-flow moves the later items' drafts down with their data", async () => {
    const flow = createWorkflow(home)
    await flow.next()
    await flow.next({ name: 'Bob' })
    await flow.next({ age: 40 })
    await flow.next({ action: 'add' })
    await flow.next({ name: 'Cy' })
    await flow.next({ age: 9 })
    await flow.next({ action: 'remove', item: 1 })
    const { state, drafts, step } = flow.getSnapshot()
    expect(step).toBe('home.people')
    expect(state.home?.people).toEqual([
      { name: 'Ada', age: 36 },
      { name: 'Cy', age: 9 },
    ])
    expect(drafts['home.people.1.name']).toEqual({ name: 'Cy' })
    expect(drafts['home.people.2.name']).toBeUndefined()
    expect(drafts['home.people']).toBeUndefined()
  })

  test("a flat flow's production bundle ships none of the layout (the scoped walk, repeat prediction and drafts)", async () => {
    const output = await build({
      ...sourceResolve,
      configFile: false,
      logLevel: 'silent',
      root,
      define: { 'process.env.NODE_ENV': '"production"' },
      build: { write: false, minify: true, sourcemap: true, rolldownOptions: { input: join(root, 'scripts/size/core.entry.ts') } },
    })
    const chunks = (Array.isArray(output) ? output : [output]).flatMap((o) => ('output' in o ? o.output : []))
    const sources = chunks.flatMap((c) => ('map' in c && c.map ? c.map.sources : []))
    expect(sources.some((s) => s.endsWith('kernel/moves.ts'))).toBe(true)
    expect(sources.filter((s) => /definition\/(expand|scoped|repeatSummary|summarySchema|composeWorkflow)\.ts$/.test(s))).toEqual([])
    // Nor does the kernel read a layout's fields: property names survive minification.
    const code = chunks.map((c) => ('code' in c ? c.code.replace(/\/\/# sourceMappingURL=.*/, '') : '')).join('\n')
    expect(code.match(/\b(scope|slots|base)\b/g) ?? []).toEqual([])
  }, 60_000)
})
