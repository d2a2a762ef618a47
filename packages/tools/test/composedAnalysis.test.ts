import { createWorkflow, isWorkflowError } from '@flowkit/core'
import { describe, expect, it } from 'vitest'
import { analyzeWorkflow, enumeratePaths } from '../src/analyze/index'
import { stepName } from '../src/analyze/stepName'
import { loadWorkflow } from '../src/index'

const address = loadWorkflow(`id: address
initial: street
steps:
  street: { title: Street, fields: { kind: { type: string, required: true, enum: [home, work] } }, next: city }
  city: { title: City, final: true }
`)
const dependant = loadWorkflow(`id: dependant
initial: name
steps:
  name: { title: Name, fields: { name: { type: string, required: true } }, next: age }
  age: { title: Age, final: true }
`)
const flows = { address, dependant }

const checkout = (same: string, extra = '') =>
  loadWorkflow(
    `id: checkout
initial: shipping
state: { same: true }
steps:
  shipping: { title: Delivery address, flow: address, next: same }
  same:
    fields: { same: { type: boolean, required: true } }
    next: ${same}
  billing: { title: Billing address, flow: address, next: dependants }
  dependants: { title: Dependants, repeat: { flow: dependant, max: 6 }, next: done }
  done: { final: true }
${extra}`,
    { flows },
  )

const sound = checkout('[{ to: billing, when: { field: same, eq: false } }, { to: dependants }]')

describe('analysis of flows with sub-flows and repeats', () => {
  it('finds nothing wrong in a sound composed flow', () => {
    expect(analyzeWorkflow(sound)).toEqual([])
  })

  it("names a sub-flow's steps by their group and title", () => {
    const never = checkout("[{ to: billing, when: { field: same, eq: 'maybe' } }, { to: dependants }]")
    expect(analyzeWorkflow(never).map((f) => [f.kind, f.message])).toEqual([
      [
        'guard-never-holds',
        `step 'same': the guard to 'billing.street' (Billing address: Street) (same is "maybe") can never hold, so that choice is never taken; fix the condition or remove the choice.`,
      ],
      ['unreachable-step', expect.stringMatching(/^step 'billing.street' \(Billing address: Street\) can never be reached/)],
      ['unreachable-step', expect.stringMatching(/^step 'billing.city' \(Billing address: City\) can never be reached/)],
    ])
  })

  it("names a repeat item's steps as core's qualifiedStepTitle does, the item numbered from 1", () => {
    expect(stepName(sound, 'dependants.1.name')).toBe("'dependants.1.name' (Dependants 2: Name)")
    expect(stepName(sound, 'same')).toBe("'same'")
  })

  it("judges a parent's guards on a sub-flow's fields with the sub-flow's rules, and only under its key", () => {
    const onChild = checkout(
      '[{ to: billing, when: { field: shipping.kind, eq: home } }, { to: dependants, when: { field: shipping.kind, eq: work } }]',
    )
    expect(analyzeWorkflow(onChild)).toEqual([])
    const onOwn = checkout('[{ to: billing, when: { field: kind, eq: home } }, { to: dependants, when: { field: kind, eq: work } }]')
    expect(analyzeWorkflow(onOwn).map((f) => f.kind)).toEqual(['guard-gap'])
  })
})

describe('path enumeration through sub-flows and repeats', () => {
  const inputs = {
    'shipping.street': [{ kind: 'home' }],
    same: [{ same: true }, { same: false }],
    'billing.street': [{ kind: 'work' }],
    'dependants.0.name': [{ name: 'Ada' }],
  }

  it('walks into sub-flows and adds up to repeatBound items (2 by default), taking item 0 samples for every item', async () => {
    const { paths, truncated } = await enumeratePaths(sound, { inputs })
    expect(truncated).toBe(false)
    expect(paths).toHaveLength(6) // same: true or false, times 0, 1 or 2 dependants
    const longest = paths.find((p) => p.name.includes('dependants.1.age') && p.name.includes('billing'))
    expect(longest?.steps).toEqual([
      ...['shipping.street', 'shipping.city', 'same', 'billing.street', 'billing.city', 'dependants'],
      ...['dependants.0.name', 'dependants.0.age', 'dependants', 'dependants.1.name', 'dependants.1.age', 'dependants', 'done'],
    ])
    expect(longest?.state).toMatchObject({ dependants: [{ name: 'Ada' }, { name: 'Ada' }], billing: { kind: 'work' } })
    for (const path of paths) {
      const flow = createWorkflow(sound)
      for (const { input } of path.inputs) await flow.next(input)
      expect(flow.getSnapshot().history).toEqual(path.steps)
      expect(flow.getSnapshot().status).toBe('done')
    }
  })

  it('takes repeatBound for the items of every repeat, nested in a sub-flow too', async () => {
    const counts = async (repeatBound: number) => (await enumeratePaths(sound, { inputs, repeatBound })).paths.length
    expect(await counts(0)).toBe(2)
    expect(await counts(4)).toBe(10)
    expect(await counts(100)).toBe(14) // no more than repeat.max (6) items
    const household = loadWorkflow(
      'id: household\ninitial: members\nsteps:\n  members: { repeat: { flow: dependant, max: 5 }, next: end }\n  end: { final: true }\n',
      { flows },
    )
    const parent = loadWorkflow('id: p\ninitial: home\nsteps:\n  home: { flow: household, next: done }\n  done: { final: true }\n', {
      flows: { household },
    })
    const nested = await enumeratePaths(parent, { inputs: { 'home.members.0.name': [{ name: 'Bo' }] }, repeatBound: 3 })
    expect(nested.paths.map((p) => p.state)).toContainEqual({ home: { members: [{ name: 'Bo' }, { name: 'Bo' }, { name: 'Bo' }] } })
    expect(nested.paths).toHaveLength(4)
  })

  it('refuses a repeatBound that is not a count', async () => {
    await expect(enumeratePaths(sound, { repeatBound: -1 })).rejects.toSatisfy(
      (error) => isWorkflowError(error) && error.code === 'INVALID_OPTION' && /repeatBound/.test(error.message),
    )
  })
})
