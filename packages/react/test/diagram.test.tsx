import { createWorkflow, defineWorkflow } from '@flowkit/core'
import { toGraph } from '@flowkit/tools/diagram'
import { act, render, screen } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { WorkflowProvider } from '../src'
import { layoutGraph, WorkflowDiagram } from '../src/diagram'
import { checkout, modes, renderIn } from './fixtures'

const node = (container: HTMLElement, step: string) => container.querySelector(`[data-step="${step}"]`) as SVGGElement

describe.each(modes)('<WorkflowDiagram> %s', (_, strict) => {
  it('draws every step and every transition, with guard labels', () => {
    const { container } = renderIn(strict, <WorkflowDiagram definition={checkout} />)
    expect(screen.getByRole('img', { name: 'Diagram of the checkout flow' })).toBeInTheDocument()
    expect([...container.querySelectorAll('.flowkit-node')].map((g) => g.getAttribute('data-step'))).toEqual(Object.keys(checkout.steps))
    expect(container.querySelectorAll('.flowkit-edge')).toHaveLength(toGraph(checkout).edges.length)
    expect(node(container, 'payment')).toHaveTextContent('Payment')
  })

  it('follows the live run inside a provider: taken path, skipped steps, current step', async () => {
    const workflow = createWorkflow(checkout)
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
