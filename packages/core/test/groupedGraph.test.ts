import { composeWorkflow, createWorkflow, defineWorkflow, firstItemOf, groupedGraph, journeyLog, toGraph } from '@flowkit/core'
import { describe, expect, it } from 'vitest'

const address = defineWorkflow({
  id: 'address',
  initial: 'street',
  state: {},
  steps: { street: { title: 'Street', next: 'city' }, city: { title: 'City', final: true } },
})
const dependant = composeWorkflow({
  id: 'dependant',
  initial: 'name',
  state: {},
  steps: { name: { title: 'Name', next: 'home' }, home: { title: 'Home', flow: address, next: 'age' }, age: { title: 'Age', final: true } },
})
const household = composeWorkflow({
  id: 'household',
  initial: 'shipping',
  state: {},
  steps: {
    shipping: { title: 'Delivery address', flow: address, next: 'dependants' },
    dependants: { title: 'Dependants', repeat: { flow: dependant, max: 3 }, next: 'review' },
    review: { title: 'Review', final: true },
  },
})

describe('groupedGraph: a composed flow as a diagram draws it', () => {
  it('labels the plain graph by qualified titles, so repeat items read apart', () => {
    const label = new Map(toGraph(household).nodes.map((n) => [n.id, n.label]))
    expect(label.get('shipping.street')).toBe('Delivery address: Street')
    expect(label.get('dependants.1.name')).toBe('Dependants 2: Name')
    expect(label.get('dependants.2.home.city')).toBe('Dependants 3: Home: City')
  })

  it("draws a repeat's item steps once, as item 0's, labelled by their titles inside their clusters", () => {
    const { nodes } = groupedGraph(household)
    expect(nodes.map(({ id, label, qualifiedLabel, cluster }) => ({ id, label, qualifiedLabel, cluster }))).toEqual([
      { id: 'shipping.street', label: 'Street', qualifiedLabel: 'Delivery address: Street', cluster: 'shipping' },
      { id: 'shipping.city', label: 'City', qualifiedLabel: 'Delivery address: City', cluster: 'shipping' },
      { id: 'dependants', label: 'Dependants', qualifiedLabel: 'Dependants', cluster: undefined },
      { id: 'dependants.0.name', label: 'Name', qualifiedLabel: 'Dependants: Name', cluster: 'dependants.*' },
      { id: 'dependants.0.home.street', label: 'Street', qualifiedLabel: 'Dependants: Home: Street', cluster: 'dependants.0.home' },
      { id: 'dependants.0.home.city', label: 'City', qualifiedLabel: 'Dependants: Home: City', cluster: 'dependants.0.home' },
      { id: 'dependants.0.age', label: 'Age', qualifiedLabel: 'Dependants: Age', cluster: 'dependants.*' },
      { id: 'review', label: 'Review', qualifiedLabel: 'Review', cluster: undefined },
    ])
  })

  it('has a cluster per sub-flow and repeat, nested, a repeat titled with its bounds', () => {
    expect(groupedGraph(household).clusters).toEqual([
      { id: 'shipping', kind: 'flow', title: 'Delivery address', members: ['shipping.street', 'shipping.city'] },
      {
        id: 'dependants.*',
        kind: 'repeat',
        title: 'Dependants (each item, 0–3)',
        members: ['dependants.0.name', 'dependants.0.age'],
      },
      {
        id: 'dependants.0.home',
        kind: 'flow',
        title: 'Home',
        parent: 'dependants.*',
        members: ['dependants.0.home.street', 'dependants.0.home.city'],
      },
    ])
  })

  it("merges the other items' edges into item 0's and names the summary's: add, change; remove; continue", () => {
    const { edges, initial } = groupedGraph(household)
    expect(initial).toBe('shipping.street')
    expect(edges.map(({ from, to, label }) => (label ? `${from} -${label}-> ${to}` : `${from} -> ${to}`))).toEqual([
      'shipping.street -> shipping.city',
      'shipping.city -> dependants',
      'dependants -add, change-> dependants.0.name',
      'dependants -remove-> dependants',
      'dependants -continue-> review',
      'dependants.0.name -> dependants.0.home.street',
      'dependants.0.home.street -> dependants.0.home.city',
      'dependants.0.home.city -> dependants.0.age',
      'dependants.0.age -> dependants',
    ])
    expect(new Set(edges.map((e) => e.id)).size).toBe(edges.length)
  })

  it("marks the drawn item with any item's visit, and the current step in a later item", async () => {
    const flow = createWorkflow(household, { log: journeyLog() })
    await flow.run({ 'shipping.street': {}, 'shipping.city': {} }, { until: 'dependants' })
    for (const input of [{ action: 'add' }, {}, {}, {}, {}, { action: 'add' }, {}]) await flow.next(input)
    expect(flow.getSnapshot().step).toBe('dependants.1.home.street')
    const { nodes, edges } = groupedGraph(household, toGraph(household, { trace: flow.getSnapshot().log }))
    const status = Object.fromEntries(nodes.map((n) => [n.id, n.status]))
    expect(status).toMatchObject({ 'dependants.0.home.street': 'current', 'dependants.0.age': 'visited', review: 'unvisited' })
    expect(edges.filter((e) => e.taken).map((e) => `${e.from}->${e.to}`)).toContain('dependants.0.name->dependants.0.home.street')
  })

  it('gives a flow without sub-flows or repeats back as toGraph has it, with no clusters', () => {
    const flat = defineWorkflow({
      id: 'flat',
      initial: 'a',
      state: {},
      steps: { a: { title: 'A', next: [{ to: 'b', when: () => true, label: 'yes' }, { to: 'b' }] }, b: { final: true } },
    })
    const grouped = groupedGraph(flat)
    const plain = toGraph(flat)
    expect(grouped.clusters).toEqual([])
    expect(grouped.edges).toEqual(plain.edges)
    expect(grouped.nodes).toEqual(plain.nodes.map((n) => ({ ...n, qualifiedLabel: n.label })))
  })

  it('firstItemOf maps a step to its counterpart in item 0 of every repeat it is in', () => {
    const first = firstItemOf(household)
    expect(first('dependants.2.home.city')).toBe('dependants.0.home.city')
    expect(first('dependants.0.age')).toBe('dependants.0.age')
    expect(first('shipping.street')).toBe('shipping.street')
  })
})
