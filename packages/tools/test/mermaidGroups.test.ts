import { composeWorkflow, createWorkflow, defineWorkflow, journeyLog } from '@flowkit/core'
import { describe, expect, it } from 'vitest'
import { toMermaid } from '../src/diagram/index'

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
const family = composeWorkflow({
  id: 'family',
  initial: 'shipping',
  state: {} as { sameAddress?: boolean },
  steps: {
    shipping: { title: 'Delivery address', flow: address, next: 'billing' },
    billing: { title: 'Billing address', flow: address, skip: ({ state }) => state.sameAddress === true, next: 'dependants' },
    dependants: { title: 'Dependants', repeat: { flow: dependant, max: 6 }, next: 'review' },
    review: { title: 'Review', final: true },
  },
})

describe('toMermaid with sub-flows and repeats', () => {
  it('draws each sub-flow as a subgraph, and a repeat as one item with the summary edges', () => {
    // A skipped sub-flow is passed over at its first step, which leads past it (billing Street → Dependants).
    expect(toMermaid(family)).toBe(`flowchart TD
  start((" ")) --> s0
  subgraph g0["Delivery address"]
    s0["Street"]
    s1["City"]
  end
  subgraph g1["Billing address"]
    s2["Street"]
    s3["City"]
  end
  s4["Dependants"]
  subgraph g2["Dependants #40;each item, 0#8211;6#41;"]
    s5["Name"]
    subgraph g3["Home"]
      s6["Street"]
      s7["City"]
    end
    s8["Age"]
  end
  s9(["Review"])
  s0 --> s1
  s1 --> s2
  s2 --> s3
  s2 --> s4
  s3 --> s4
  s4 -->|add, change| s5
  s4 -->|remove| s4
  s4 -->|continue| s9
  s5 --> s6
  s6 --> s7
  s7 --> s8
  s8 --> s4
  classDef skippable stroke-dasharray:4 3
  class s2,s4 skippable
`)
  })

  it('stays the size of one item whatever the repeat maximum', () => {
    const lines = (max: number) =>
      toMermaid(
        composeWorkflow({
          id: 'many',
          initial: 'items',
          state: {},
          steps: { items: { repeat: { flow: dependant, max }, next: 'end' }, end: { final: true } },
        }),
      ).split('\n').length
    expect(lines(1000)).toBe(lines(1))
  })

  it("marks the drawn item with any item's visit, and the current step in a later item", async () => {
    const flow = createWorkflow(family, { log: journeyLog() })
    await flow.run({ 'shipping.street': {}, 'shipping.city': {}, 'billing.street': {}, 'billing.city': {} }, { until: 'dependants' })
    for (const input of [{ action: 'add' }, {}, {}, {}, {}, { action: 'add' }, {}]) await flow.next(input)
    expect(flow.getSnapshot().step).toBe('dependants.1.home.street')
    const mermaid = toMermaid(family, { trace: flow.getSnapshot().log })
    expect(mermaid).toContain('  class s6 current\n')
    expect(mermaid).toContain('  class s0,s1,s2,s3,s4,s5,s7,s8 visited\n')
    expect(mermaid).toContain('  class s9 unvisited\n')
    // start, through shipping and billing, the summary's add, then the item's steps and back to the summary
    expect(mermaid).toContain('  linkStyle 0,1,2,3,5,6,9,10,11,12 stroke:#2563eb,stroke-width:3px\n')
  })

  it('escapes subgraph titles like every other label', () => {
    const hostile = composeWorkflow({
      id: 'hostile',
      initial: 'a',
      state: {},
      steps: { a: { title: 'x"] --> y\nend', flow: address, next: 'b' }, b: { final: true } },
    })
    expect(toMermaid(hostile).split('\n')[2]).toBe('  subgraph g0["x#34;#93; #45;#45;#62; y end"]')
  })
})
