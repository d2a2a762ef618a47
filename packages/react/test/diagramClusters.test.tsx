import { createWorkflow, journeyLog } from '@flowkit/core'
import { screen } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { WorkflowProvider } from '../src'
import { WorkflowDiagram } from '../src/diagram'
import { family, order } from './composed'
import { modes, renderIn } from './fixtures'

const steps = (container: HTMLElement, group?: string) =>
  [...container.querySelectorAll('.flowkit-node')].map((g) => g.getAttribute('data-step')).filter((s) => !group || s?.startsWith(group))
const box = (container: HTMLElement, group: string) => {
  const rect = container.querySelector(`.flowkit-cluster[data-group="${group}"] rect`) as SVGRectElement
  const n = (a: string) => Number(rect.getAttribute(a))
  return { x: n('x'), y: n('y'), right: n('x') + n('width'), bottom: n('y') + n('height') }
}
const nodeBox = (container: HTMLElement, step: string) => {
  const rect = container.querySelector(`[data-step="${step}"] rect`) as SVGRectElement
  const n = (a: string) => Number(rect.getAttribute(a))
  return { x: n('x'), y: n('y'), right: n('x') + n('width'), bottom: n('y') + n('height') }
}
const inside = (outer: ReturnType<typeof box>, inner: ReturnType<typeof box>) =>
  inner.x >= outer.x && inner.y >= outer.y && inner.right <= outer.right && inner.bottom <= outer.bottom

describe.each(modes)('<WorkflowDiagram> of composed flows %s', (_, strict) => {
  it('boxes each sub-flow around its steps, titled by its step', () => {
    const { container } = renderIn(strict, <WorkflowDiagram definition={order} />)
    const clusters = [...container.querySelectorAll('.flowkit-cluster')]
    expect(clusters.map((c) => [c.getAttribute('data-group'), c.textContent])).toEqual([
      ['shipping', 'Delivery address'],
      ['billing', 'Billing address'],
    ])
    for (const step of ['shipping.street', 'shipping.city']) expect(inside(box(container, 'shipping'), nodeBox(container, step))).toBe(true)
    expect(inside(box(container, 'shipping'), nodeBox(container, 'billing.street'))).toBe(false)
  })

  it("draws a repeat's steps once, entered by an edge labelled each item", () => {
    const { container } = renderIn(strict, <WorkflowDiagram definition={family(0, 5)} />)
    expect(steps(container)).toEqual(['about', 'dependants', 'dependants.0.name', 'dependants.0.age', 'review'])
    expect(container.querySelector('.flowkit-cluster[data-group="dependants.*"]')).toHaveTextContent('Dependants (each item)')
    const into = container.querySelector('.flowkit-edge[data-edge^="dependants->dependants.0.name#"]')
    expect(into).toHaveTextContent('each item')
    expect(container.querySelector('.flowkit-edge[data-edge^="dependants.0.age->dependants#"]')).toBeInTheDocument()
  })

  it('follows a live run into a child step', async () => {
    const workflow = createWorkflow(order, { log: journeyLog() })
    await workflow.next()
    const { container } = renderIn(
      strict,
      <WorkflowProvider workflow={workflow}>
        <WorkflowDiagram />
      </WorkflowProvider>,
    )
    expect(screen.getByRole('img', { name: 'Diagram of the order flow, now at Street' })).toBeInTheDocument()
    expect(container.querySelector('[data-step="shipping.street"]')).toHaveAttribute('data-status', 'current')
  })
})
