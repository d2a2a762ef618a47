import { composeWorkflow, createWorkflow, defineWorkflow, journeyLog } from '@flowkit/core'
import { describe, expect, it } from 'vitest'
import { journeyOf, toGraph } from '../src/diagram/index'
import { loadWorkflow } from '../src/index'
import { example } from './fixtures/files'
import { registry } from './fixtures/registry'

const checkout = loadWorkflow(example('checkout'), registry)

describe('toGraph', () => {
  it('exports nodes and edges with guard labels, as JSON', () => {
    const graph = toGraph(checkout)
    expect(graph.initial).toBe('cart')
    expect(graph.nodes.find((n) => n.id === 'shipping')).toEqual({
      id: 'shipping',
      label: 'Shipping address',
      initial: false,
      final: false,
      skippable: true,
      skipWhen: 'digitalOnly is true',
      rank: 1,
    })
    expect(graph.nodes.find((n) => n.id === 'confirmation')).toMatchObject({ final: true, rank: 5 })
    expect(graph.edges.filter((e) => e.from === 'payment')).toEqual([
      { id: 'payment->review#3', from: 'payment', to: 'review', kind: 'guard', label: 'card' },
      { id: 'payment->company#4', from: 'payment', to: 'company', kind: 'guard', label: 'invoice' },
    ])
    expect(JSON.parse(JSON.stringify(graph))).toEqual(graph)
  })

  it('names the sub-flow and repeat item each laid-out step comes from, in the JSON too', () => {
    const address = defineWorkflow({
      id: 'address',
      initial: 'street',
      state: { street: '' },
      steps: { street: { next: 'city' }, city: { final: true } },
    })
    const order = composeWorkflow({
      id: 'order',
      initial: 'cart',
      state: {},
      steps: { cart: { next: 'billing' }, billing: { title: 'Billing address', flow: address, next: 'done' }, done: { final: true } },
    })
    const graph = toGraph(order)
    expect(graph.nodes.find((n) => n.id === 'cart')).not.toHaveProperty('groups')
    expect(graph.nodes.find((n) => n.id === 'billing.city')?.groups).toEqual([
      { step: 'billing', kind: 'flow', title: 'Billing address', flow: 'address', key: 'billing', local: 'city' },
    ])
    expect(JSON.parse(JSON.stringify(graph))).toEqual(graph)
  })

  it('draws code-defined flows too: fallbacks, labels and next functions with targets', () => {
    const definition = defineWorkflow({
      id: 'code',
      initial: 'a',
      state: { n: 0 },
      steps: {
        a: { next: [{ to: 'b', when: ({ state }) => state.n > 1, label: 'n > 1' }, { to: 'c' }] },
        b: { next: ({ state }) => (state.n > 5 ? 'c' : 'd'), targets: ['c', 'd'] },
        c: { final: true },
        d: { final: true },
      },
    })
    expect(toGraph(definition).edges.map(({ from, to, kind, label }) => ({ from, to, kind, label }))).toEqual([
      { from: 'a', to: 'b', kind: 'guard', label: 'n > 1' },
      { from: 'a', to: 'c', kind: 'fallback', label: 'otherwise' },
      { from: 'b', to: 'c', kind: 'target', label: undefined },
      { from: 'b', to: 'd', kind: 'target', label: undefined },
    ])
  })

  it('marks the path taken, skipped steps and the current step from a trace', async () => {
    const flow = createWorkflow(checkout, { log: journeyLog() })
    await flow.next({ items: 1, digitalOnly: true })
    await flow.next({ delivery: 'download' })
    const graph = toGraph(checkout, { trace: flow.getSnapshot().log })
    const status = Object.fromEntries(graph.nodes.map((n) => [n.id, n.status]))
    expect(status).toEqual({
      cart: 'visited',
      shipping: 'skipped',
      delivery: 'visited',
      payment: 'current',
      company: 'unvisited',
      review: 'unvisited',
      confirmation: 'unvisited',
    })
    expect(graph.edges.filter((e) => e.taken).map((e) => e.id)).toEqual(['cart->shipping#0', 'shipping->delivery#1', 'delivery->payment#2'])
    expect(graph.done).toBe(false)
  })

  it('forgets the steps undone by back and goTo, and everything before a reset', async () => {
    const flow = createWorkflow(checkout, { log: journeyLog() })
    await flow.next({ items: 1, digitalOnly: false })
    await flow.next({ address: '1 Main Street', zip: '12345' })
    flow.back()
    expect(journeyOf(flow.getSnapshot().log)).toEqual({
      path: [
        { step: 'cart', skipped: false },
        { step: 'shipping', skipped: false },
      ],
      current: 'shipping',
      done: false,
    })
    flow.goTo('cart')
    expect(journeyOf(flow.getSnapshot().log).path).toEqual([{ step: 'cart', skipped: false }])
    await flow.next({ items: 1, digitalOnly: true })
    flow.reset()
    expect(journeyOf(flow.getSnapshot().log)).toEqual({ path: [{ step: 'cart', skipped: false }], current: 'cart', done: false })
  })

  it('marks a finished run as done, with no current step', async () => {
    const flow = createWorkflow(checkout, { log: journeyLog() })
    await flow.run({
      cart: { items: 1, digitalOnly: true },
      delivery: { delivery: 'download' },
      payment: { method: 'card' },
      review: { accepted: true },
    })
    const graph = toGraph(checkout, { trace: flow.getSnapshot().log })
    expect(graph.done).toBe(true)
    expect(graph.nodes.filter((n) => n.status === 'current')).toEqual([])
    expect(graph.nodes.find((n) => n.id === 'confirmation')?.status).toBe('visited')
  })
})
