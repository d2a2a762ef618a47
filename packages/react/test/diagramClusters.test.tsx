import { composeWorkflow, createWorkflow, journeyLog } from '@flowkit/core'
import { toMermaid } from '@flowkit/tools/diagram'
import { screen } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { WorkflowProvider } from '../src'
import { WorkflowDiagram } from '../src/diagram'
import { address, dependant, family, order } from './composed'
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

  it("draws a repeat's steps once, in a box that tells its bounds, with the summary's add, remove and continue edges", () => {
    const { container } = renderIn(strict, <WorkflowDiagram definition={family(0, 5)} />)
    expect(steps(container)).toEqual(['about', 'dependants', 'dependants.0.name', 'dependants.0.age', 'review'])
    expect(container.querySelector('.flowkit-cluster[data-group="dependants.*"]')).toHaveTextContent('Dependants (each item, 0–5)')
    const edge = (from: string, to: string) => container.querySelector(`.flowkit-edge[data-edge^="${from}->${to}#"]`)
    expect(edge('dependants', 'dependants.0.name')).toHaveTextContent('add, change')
    expect(edge('dependants', 'dependants')).toHaveTextContent('remove')
    expect(edge('dependants', 'review')).toHaveTextContent('continue')
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
    expect(screen.getByRole('img', { name: 'Diagram of the order flow, now at Delivery address: Street' })).toBeInTheDocument()
    expect(container.querySelector('[data-step="shipping.street"]')).toHaveAttribute('data-status', 'current')
  })
})

/** A sub-flow and a repeat in one flow, drawn by both renderers. */
const household = composeWorkflow({
  id: 'household',
  initial: 'shipping',
  state: {},
  steps: {
    shipping: { title: 'Delivery address', flow: address, next: 'dependants' },
    dependants: { title: 'Dependants', repeat: { flow: dependant, min: 1, max: 4 }, next: 'review' },
    review: { title: 'Review', final: true },
  },
})

/** Mermaid's subgraph titles, its edges as `from -label-> to` by step id (its `s<i>` keys are the drawn steps in order), and node labels. */
const mermaidOf = (text: string, ids: readonly string[]) => {
  const id = (key: string) => ids[Number(key.slice(1))]
  const unescaped = (s: string) => s.replace(/#(\d+);/g, (_, code) => String.fromCharCode(Number(code)))
  const clusters = [...text.matchAll(/subgraph g\d+\["(.*)"\]/g)].map((m) => unescaped(m[1] as string))
  const edges = [...text.matchAll(/^ {2}(s\d+) -->(?:\|(.*)\|)? (s\d+)$/gm)].map(([, from, label, to]) =>
    label ? `${id(from as string)} -${unescaped(label)}-> ${id(to as string)}` : `${id(from as string)} -> ${id(to as string)}`,
  )
  const labels = [...text.matchAll(/^ +s\d+\(?\["(.*)"\]\)?$/gm)].map((m) => unescaped(m[1] as string))
  return { clusters, edges, labels }
}

describe('<WorkflowDiagram> and toMermaid of one composed flow', () => {
  it("draw the same clusters, steps, labels and edges (core's groupedGraph)", () => {
    const { container } = renderIn(false, <WorkflowDiagram definition={household} />)
    const ids = steps(container) as string[]
    const svgEdges = [...container.querySelectorAll('.flowkit-edge')].map((g) => {
      const [from, to] = (g.getAttribute('data-edge') ?? '').replace(/#\d+$/, '').split('->')
      const label = g.querySelector('text')?.textContent
      return label ? `${from} -${label}-> ${to}` : `${from} -> ${to}`
    })
    const svg = {
      clusters: [...container.querySelectorAll('.flowkit-cluster')].map((c) => c.textContent),
      edges: svgEdges,
      labels: [...container.querySelectorAll('.flowkit-node text')].map((t) => t.textContent),
    }
    expect(svg).toEqual(mermaidOf(toMermaid(household), ids))
    expect(svg.labels).toEqual(['Street', 'City', 'Dependants', 'Name', 'Age', 'Review'])
    expect(svg.clusters).toEqual(['Delivery address', 'Dependants (each item, 1–4)'])
    expect(svg.edges).toContain('dependants -add, change-> dependants.0.name')
    expect(svg.edges).toContain('dependants -remove-> dependants')
    expect(svg.edges).toContain('dependants -continue-> review')
  })
})
