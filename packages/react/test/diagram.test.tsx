import { createWorkflow, defineWorkflow, journeyLog } from '@flowkit/core'
import { toGraph } from '@flowkit/tools/diagram'
import { act, render, screen } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { WorkflowProvider } from '../src'
import { edgeWidth, layoutGraph, WorkflowDiagram } from '../src/diagram'
import { checkout, modes, renderIn } from './fixtures'

const node = (container: HTMLElement, step: string) => container.querySelector(`[data-step="${step}"]`) as SVGGElement
const edge = (container: HTMLElement, from: string, to: string) =>
  container.querySelector(`.flowkit-edge[data-edge^="${from}->${to}#"]`) as SVGGElement
const widthOf = (container: HTMLElement, from: string, to: string) =>
  Number(edge(container, from, to).querySelector('polyline')?.getAttribute('stroke-width'))

/** Journeys on the fixture checkout: most go by post, some pick up, one in ten wants gift wrap. */
const traffic = [
  { from: 'cart', to: 'gift', count: 1234 },
  { from: 'gift', to: 'shipping', count: 1234 },
  { from: 'shipping', to: 'address', count: 900 },
  { from: 'shipping', to: 'payment', count: 225 },
  { from: 'address', to: 'payment', count: 900 },
  { from: 'review', to: 'cart', count: 7 },
]

describe.each(modes)('<WorkflowDiagram> %s', (_, strict) => {
  it('draws every step and every transition, with guard labels', () => {
    const { container } = renderIn(strict, <WorkflowDiagram definition={checkout} />)
    expect(screen.getByRole('img', { name: 'Diagram of the checkout flow' })).toBeInTheDocument()
    expect([...container.querySelectorAll('.flowkit-node')].map((g) => g.getAttribute('data-step'))).toEqual(Object.keys(checkout.steps))
    expect(container.querySelectorAll('.flowkit-edge')).toHaveLength(toGraph(checkout).edges.length)
    expect(node(container, 'payment')).toHaveTextContent('Payment')
  })

  it('follows the live run inside a provider: taken path, skipped steps, current step', async () => {
    const workflow = createWorkflow(checkout, { log: journeyLog() })
    const { container } = renderIn(
      strict,
      <WorkflowProvider workflow={workflow}>
        <WorkflowDiagram />
      </WorkflowProvider>,
    )
    expect(node(container, 'cart')).toHaveAttribute('data-status', 'current')
    await act(async () => {
      await workflow.next({ items: 1 })
    })
    expect(node(container, 'cart')).toHaveAttribute('data-status', 'visited')
    expect(node(container, 'gift')).toHaveAttribute('data-status', 'skipped')
    expect(node(container, 'shipping')).toHaveAttribute('data-status', 'current')
    expect(node(container, 'review')).toHaveAttribute('data-status', 'unvisited')
    expect(screen.getByRole('img')).toHaveAccessibleName('Diagram of the checkout flow, now at Shipping')
    expect(container.querySelectorAll('[data-taken="true"]').length).toBeGreaterThan(0)
  })

  it('shows user text as text: hostile titles cannot inject markup', () => {
    const hostile = defineWorkflow({
      id: 'x',
      initial: 'a',
      state: {},
      steps: { a: { title: '<img src=x onerror=alert(1)>', next: 'b' }, b: { title: '"]; click a call evil()', final: true } },
    })
    const { container } = renderIn(strict, <WorkflowDiagram definition={hostile} />)
    expect(container.querySelector('img')).toBeNull()
    expect(screen.getByText('<img src=x onerror=alert(1)>')).toBeInTheDocument()
  })

  it('says what to pass when it has neither a definition nor a provider', () => {
    expect(() => render(<WorkflowDiagram />)).toThrow('<WorkflowDiagram> needs a `definition` prop, or a <WorkflowProvider> around it.')
  })
})

describe.each(modes)('<WorkflowDiagram traffic> %s', (_, strict) => {
  it('widens each edge by the square root of its journeys, from min to max', () => {
    const { container } = renderIn(strict, <WorkflowDiagram definition={checkout} traffic={traffic} trafficWidth={{ min: 2, max: 12 }} />)
    expect(widthOf(container, 'cart', 'gift')).toBe(12)
    // 225 of 1,234 journeys: 2 + 10 × √(225 / 1234)
    expect(widthOf(container, 'shipping', 'payment')).toBeCloseTo(2 + 10 * Math.sqrt(225 / 1234), 6)
    expect(widthOf(container, 'shipping', 'address')).toBeGreaterThan(widthOf(container, 'shipping', 'payment'))
    // No journey went from payment to review: the thinnest line, dashed.
    expect(widthOf(container, 'payment', 'review')).toBe(2)
    expect(edge(container, 'payment', 'review').querySelector('polyline')).toHaveAttribute('stroke-dasharray', '4 3')
  })

  it('labels each edge with its count, after the guard', () => {
    const { container } = renderIn(strict, <WorkflowDiagram definition={checkout} traffic={traffic} />)
    expect(edge(container, 'cart', 'gift')).toHaveTextContent(/^1,234$/)
    expect(edge(container, 'cart', 'gift')).toHaveAttribute('data-count', '1234')
    expect(edge(container, 'payment', 'review')).toHaveTextContent(/^0$/)
    expect(edge(container, 'shipping', 'payment')).toHaveTextContent(/^otherwise · 225$/)
  })

  it('tells every transition and its count in the accessible description, and the moves it cannot draw', () => {
    renderIn(strict, <WorkflowDiagram definition={checkout} traffic={traffic} formatCount={(n) => `${n} journeys`} />)
    expect(screen.getByRole('img', { name: 'Diagram of the checkout flow' })).toHaveAccessibleDescription(
      'Journeys along each transition: Cart to Gift wrap, 1234 journeys; Gift wrap to Shipping, 1234 journeys; ' +
        'Shipping to Address, 900 journeys; Shipping to Payment, 225 journeys; Address to Payment, 900 journeys; ' +
        'Payment to Review, 0 journeys. Moves the flow has no transition for: Review to Cart, 7 journeys.',
    )
  })

  it('names steps that share a title by their ids too, so the description stays unambiguous', () => {
    const twice = defineWorkflow({
      id: 'twice',
      initial: 'a',
      state: {},
      steps: { a: { title: 'Start', next: 'home' }, home: { title: 'Name', next: 'work' }, work: { title: 'Name', final: true } },
    })
    renderIn(strict, <WorkflowDiagram definition={twice} traffic={[{ from: 'home', to: 'work', count: 3 }]} />)
    expect(screen.getByRole('img')).toHaveAccessibleDescription(
      'Journeys along each transition: Start to Name (home), 0; Name (home) to Name (work), 3.',
    )
  })

  it('draws as before without traffic: no counts, no description, widths by the run', () => {
    const { container } = renderIn(strict, <WorkflowDiagram definition={checkout} />)
    expect(container.querySelector('[data-count]')).toBeNull()
    expect(screen.getByRole('img')).not.toHaveAttribute('aria-describedby')
    expect([...container.querySelectorAll('.flowkit-edge polyline')].map((p) => p.getAttribute('stroke-width'))).toEqual(
      toGraph(checkout).edges.map(() => '1'),
    )
    expect(edge(container, 'cart', 'gift').textContent).toBe('')
  })
})

describe('edgeWidth', () => {
  it('maps counts on a square-root scale between min and max', () => {
    expect(edgeWidth(100, 100, { min: 2, max: 10 })).toBe(10)
    expect(edgeWidth(25, 100, { min: 2, max: 10 })).toBe(6)
    expect(edgeWidth(0, 100, { min: 2, max: 10 })).toBe(2)
    expect(edgeWidth(0, 0)).toBe(1.5)
    expect(edgeWidth(1, 1)).toBe(10)
  })
})

describe('layoutGraph', () => {
  it('places steps without overlaps, and routes every edge', () => {
    const layout = layoutGraph(toGraph(checkout))
    for (const a of layout.nodes) {
      for (const b of layout.nodes) {
        if (a === b) continue
        const apart = Math.abs(a.x - b.x) * 2 >= a.width + b.width || Math.abs(a.y - b.y) * 2 >= a.height + b.height
        expect(apart, `${a.id} overlaps ${b.id}`).toBe(true)
      }
    }
    expect(layout.edges.every((e) => e.points.length >= 2)).toBe(true)
    expect(layout.width).toBeGreaterThan(0)
  })

  it('lays out left to right on request', () => {
    const layout = layoutGraph(toGraph(checkout), { direction: 'LR' })
    const x = (id: string) => layout.nodes.find((n) => n.id === id)?.x ?? 0
    expect(x('review')).toBeGreaterThan(x('cart'))
  })
})
