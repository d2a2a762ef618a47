import { toGraph } from '@flowkit/core'
import type { Meta, StoryObj } from '@storybook/react-vite'
import type { ComponentType } from 'react'
import { expect } from 'storybook/test'
import { account, teamAccount } from '../../../../.storybook/flows/account'
import { checkout } from '../../../../apps/demo/src/flows/checkout'
import { enrollment } from '../../../../apps/demo/src/flows/enrollment'
import { type WorkflowStoryArgsOf, workflowStory } from '../storybook'
import { WorkflowDiagram } from './WorkflowDiagram'

type Args = WorkflowStoryArgsOf<typeof account>

// `<WorkflowDiagram>` draws a flow laid out by dagre; inside a provider it follows the live run.
const meta: Meta<Args> = {
  title: 'Components/WorkflowDiagram',
  component: WorkflowDiagram as ComponentType,
  render: () => <WorkflowDiagram />,
  ...workflowStory(account),
}

export default meta
type Story = StoryObj<Args>

const statusOf = (canvasElement: HTMLElement, step: string) =>
  canvasElement.querySelector(`[data-step="${step}"]`)?.getAttribute('data-status')

/** At the start: only the first step is current, the rest not visited. */
export const FirstStep: Story = {
  play: async ({ canvasElement, canvas }) => {
    await expect(canvas.getByRole('img', { name: /Diagram of the account flow, now at Email/ })).toBeInTheDocument()
    await expect(statusOf(canvasElement, 'email')).toBe('current')
    await expect(statusOf(canvasElement, 'review')).toBe('unvisited')
  },
}

/** A team account at payment: the path taken in bold, the current step filled. */
export const MiddleOfARun: Story = {
  args: { at: 'payment', state: { email: 'ada@example.com', plan: 'team', seats: 4 } },
  play: async ({ canvasElement }) => {
    await expect(statusOf(canvasElement, 'team')).toBe('visited')
    await expect(statusOf(canvasElement, 'payment')).toBe('current')
    await expect(canvasElement.querySelectorAll('[data-taken="true"]').length).toBeGreaterThan(0)
  },
}

/** A finished run. */
export const Done: Story = {
  args: { state: teamAccount, done: true },
  play: async ({ canvasElement }) => {
    await expect(statusOf(canvasElement, 'review')).toBe('visited')
  },
}

/** The demo's checkout, left to right, with no run: every step and guarded transition. */
export const CheckoutFlow: Story = {
  render: () => <WorkflowDiagram definition={checkout} trace={null} direction="LR" />,
  play: async ({ canvasElement }) => {
    await expect(canvasElement.querySelectorAll('.flowkit-node')).toHaveLength(Object.keys(checkout.steps).length)
  },
}

/** The demo's enrollment, top to bottom: its eligibility branches, sub-flows as boxes, a repeat's steps drawn once. */
export const EnrollmentFlow: Story = {
  render: () => <WorkflowDiagram definition={enrollment} trace={null} />,
  play: async ({ canvasElement }) => {
    const drawn = Object.values(enrollment.steps).filter((step) =>
      (step.groups ?? []).every((g: { kind: string; item?: number }) => g.kind !== 'repeat' || g.item === 0),
    )
    await expect(canvasElement.querySelectorAll('.flowkit-node')).toHaveLength(drawn.length)
  },
}

/** Made-up journeys along each of the checkout's transitions: fewer at each step, a fifth paying by invoice. */
const checkoutTraffic = toGraph(checkout).edges.map((edge, i) => ({
  from: edge.from,
  to: edge.to,
  count: edge.to === 'company' ? 1210 : Math.round(9120 * 0.9 ** i),
}))

/** The checkout fed by an insights aggregate: each edge as wide as its traffic, labelled with its count. */
export const CheckoutTraffic: Story = {
  render: () => <WorkflowDiagram definition={checkout} trace={null} traffic={checkoutTraffic} direction="LR" />,
  play: async ({ canvasElement, canvas }) => {
    await expect(canvas.getByRole('img')).toHaveAccessibleDescription(/^Journeys along each transition: Basket to .+, 9,120;/)
    await expect(canvasElement.querySelector('[data-count="1210"]')).toHaveTextContent('paying by invoice · 1,210')
  },
}
