import { defineWorkflow } from '@flowkit/core'
import { type WorkflowStoryArgsOf, workflowStory } from '@flowkit/react/storybook'
import { composeStory, type Meta, type StoryObj } from '@storybook/react'
import { render, screen, waitFor } from '@testing-library/react'
import { createElement as h, StrictMode } from 'react'
import { describe, expect, it } from 'vitest'
import { useStep } from '../packages/react/src/useStep.ts'
import { useWorkflowState } from '../packages/react/src/useWorkflowState.ts'
import { WorkflowStep } from '../packages/react/src/WorkflowStep.tsx'

let sent = 0
const order = defineWorkflow({
  id: 'order',
  initial: 'pick',
  state: { size: '', sent: false },
  steps: {
    pick: { title: 'Pick', next: 'send' },
    send: {
      title: 'Send',
      actions: [
        () => {
          sent += 1
          return { sent: true }
        },
      ],
      next: 'thanks',
    },
    thanks: { title: 'Thanks', final: true },
  },
})
const other = defineWorkflow({ id: 'other', initial: 'one', state: {}, steps: { one: { next: 'two' }, two: { final: true } } })

function Where({ label }: { readonly label?: string }) {
  const step = useWorkflowState((s) => `${s.step}${s.status === 'done' ? ' (done)' : ''}`)
  const size = useWorkflowState((s) => (s.state as { size?: string }).size)
  return h('p', null, `${label ?? 'at'} ${step} ${size ?? ''}`.trim())
}

function Pick() {
  const { values } = useStep<{ size: string }>()
  return h('p', null, `draft ${values.size}`)
}

type Args = WorkflowStoryArgsOf<typeof order> & { label?: string }
const meta: Meta<Args> = { title: 'Test/order', render: (args) => h(Where, { label: args.label }), ...workflowStory(order) }
const compose = (story: StoryObj<Args>) => composeStory(story, meta)

describe('workflowStory', () => {
  it('lists every step in the `at` control', () => {
    expect(workflowStory(order).argTypes.at?.options).toEqual(['pick', 'send', 'thanks'])
  })

  it('opens the flow where the args say, through the loader, and passes the other args to the story', async () => {
    const Story = compose({ args: { at: 'send', state: { size: 'M' }, label: 'now at' } })
    await Story.run()
    expect(screen.getByText('now at send M')).toBeInTheDocument()
  })

  it('rebuilds the flow when the args change', async () => {
    const Story = compose({ args: { at: 'send', state: { size: 'M' } } })
    await Story.run({ args: { ...Story.args, at: 'thanks', state: { size: 'L', sent: true } } })
    expect(screen.getByText('at thanks L')).toBeInTheDocument()
  })

  it('works as a plain component too (no loaders run), in StrictMode', () => {
    const Story = compose({ args: { at: 'send', state: { size: 'S' } } })
    render(h(StrictMode, null, h(Story)))
    expect(screen.getByText('at send S')).toBeInTheDocument()
  })

  it('submits once on load, even under StrictMode, and shows what the engine answered', async () => {
    sent = 0
    const Story = compose({ args: { at: 'send', state: { size: 'S' }, submit: true } })
    render(h(StrictMode, null, h(Story)))
    await waitFor(() => expect(screen.getByText('at thanks S')).toBeInTheDocument())
    expect(sent).toBe(1)
  })

  it('shows a finished flow with done', async () => {
    await compose({ args: { state: { size: 'S', sent: true }, done: true } }).run()
    expect(screen.getByText('at thanks (done) S')).toBeInTheDocument()
  })

  it('lets a story of another definition replace the meta’s', async () => {
    const Story = composeStory({ ...workflowStory(other, { at: 'two' }) } as StoryObj<Args>, meta)
    await Story.run()
    expect(screen.getByText('at two')).toBeInTheDocument()
  })

  it('fails the story with the seeding error when the args do not fit', async () => {
    const Story = compose({ args: { at: 'nowhere' as never } })
    await expect(Story.run()).rejects.toThrow(
      "seeding workflow 'order' with step 'nowhere': there is no such step; defined steps: pick, send, thanks.",
    )
  })

  it('renders steps with their draft from the seed', async () => {
    const Story = composeStory(
      { args: { drafts: { pick: { size: 'XL' } } }, render: () => h(WorkflowStep, { name: 'pick' }, h(Pick)) },
      meta,
    )
    await Story.run()
    expect(screen.getByText('draft XL')).toBeInTheDocument()
  })
})
