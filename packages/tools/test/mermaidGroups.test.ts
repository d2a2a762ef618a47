import { composeWorkflow, createWorkflow, defineWorkflow, groupedGraph, journeyLog } from '@flowkit/core'
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

  it("draws core's grouped graph: its clusters as subgraphs, its drawn steps and edges", () => {
    const grouped = groupedGraph(family)
    const mermaid = toMermaid(family)
    expect([...mermaid.matchAll(/subgraph g\d+\["(.*)"\]/g)].map((m) => m[1])).toEqual(
      grouped.clusters.map((c) => c.title.replace('(', '#40;').replace(')', '#41;').replace('–', '#8211;')),
    )
    expect(mermaid.match(/^ {2}s\d+ -->/gm)).toHaveLength(grouped.edges.length)
    expect(mermaid.match(/^ +s\d+\(?\["/gm)).toHaveLength(grouped.nodes.length)
  })

  it('draws a flow without groups exactly as the flat drawing did: no subgraphs, every edge, the run', async () => {
    const flat = defineWorkflow({
      id: 'flat',
      initial: 'a',
      state: { n: 1 } as { n: number },
      steps: {
        a: { title: 'Start', next: [{ to: 'b', when: ({ state }) => state.n > 0, label: 'n > 0' }, { to: 'c' }] },
        b: { title: 'Maybe', skip: () => true, next: 'c' },
        c: { title: 'Pick', next: () => 'd', targets: ['d', 'd'] },
        d: { title: 'Done', final: true },
      },
    })
    const flow = createWorkflow(flat, { log: journeyLog() })
    await flow.next({})
    expect(toMermaid(flat)).toBe(`flowchart TD
  start((" ")) --> s0
  s0["Start"]
  s1["Maybe"]
  s2["Pick"]
  s3(["Done"])
  s0 -->|n #62; 0| s1
  s0 -->|otherwise| s2
  s1 --> s2
  s2 --> s3
  s2 --> s3
  classDef skippable stroke-dasharray:4 3
  class s1 skippable
`)
    expect(toMermaid(flat, { trace: flow.getSnapshot().log, direction: 'LR' })).toBe(`flowchart LR
  start((" ")) --> s0
  s0["Start"]
  s1["Maybe"]
  s2["Pick"]
  s3(["Done"])
  s0 -->|n #62; 0| s1
  s0 -->|otherwise| s2
  s1 --> s2
  s2 --> s3
  s2 --> s3
  classDef visited fill:#dbeafe,stroke:#2563eb,color:#1e3a8a
  class s0 visited
  classDef skipped fill:#f3f4f6,stroke:#9ca3af,stroke-dasharray:4 3,color:#6b7280
  class s1 skipped
  classDef current fill:#2563eb,stroke:#1e3a8a,stroke-width:3px,color:#ffffff
  class s2 current
  classDef unvisited fill:#ffffff,stroke:#d1d5db,color:#6b7280
  class s3 unvisited
  linkStyle default stroke:#d1d5db
  linkStyle 0,1,3 stroke:#2563eb,stroke-width:3px
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
