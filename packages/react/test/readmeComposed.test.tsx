// The README's "Sub-flows and repeats" example, copied as written, so the docs cannot drift.

import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { composeWorkflow, defineWorkflow } from '@flowkit/core'
import { useRepeat, useStep, useStepGroup, useWorkflow, WorkflowProvider, WorkflowSteps } from '@flowkit/react'
import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'

const child = defineWorkflow({
  id: 'child',
  initial: 'name',
  state: { name: '' },
  steps: { name: { title: 'Name', final: true } },
})
const family = composeWorkflow({
  id: 'family',
  initial: 'children',
  state: {} as { children?: { name: string }[] },
  steps: {
    children: { title: 'Children', repeat: { flow: child, max: 4 }, next: 'send' },
    send: { title: 'Send', final: true },
  },
})

function Children() {
  const { items, canAdd, add, change, remove, continue: next } = useRepeat<{ name: string }>()
  return (
    <>
      <ul>
        {items.map((c, i) => (
          <li key={c.name}>
            {c.name}{' '}
            <button type="button" onClick={() => change(i)}>
              Change
            </button>
            <button type="button" onClick={() => remove(i)}>
              Remove
            </button>
          </li>
        ))}
      </ul>
      {canAdd && (
        <button type="button" onClick={() => add()}>
          Add a child
        </button>
      )}
      <button type="button" onClick={() => next()}>
        Continue
      </button>
    </>
  )
}

function Name() {
  const { item } = useStepGroup()
  const { field, submit } = useStep()
  return (
    <form onSubmit={submit}>
      <input aria-label={`Child ${(item ?? 0) + 1}`} {...field('name')} />
      <button type="submit">Save</button>
    </form>
  )
}

function Send() {
  const { submit } = useStep()
  return (
    <form onSubmit={submit}>
      <button type="submit">Send</button>
    </form>
  )
}

export function Family() {
  const workflow = useWorkflow(family)
  return (
    <WorkflowProvider workflow={workflow}>
      <WorkflowSteps steps={{ children: Children, 'children.*.name': Name, send: Send }} done={() => <p>Thanks.</p>} />
    </WorkflowProvider>
  )
}

describe('README: sub-flows and repeats', () => {
  it('the example is the README text', () => {
    const readme = readFileSync(join(import.meta.dirname, '../README.md'), 'utf8')
    const source = readFileSync(join(import.meta.dirname, 'readmeComposed.test.tsx'), 'utf8')
    const example = source.slice(source.indexOf('const child ='), source.indexOf("\ndescribe('README"))
    expect(readme.replace(/\r/g, '')).toContain(example.trim())
  })

  it('adds two children, removes one and goes on', async () => {
    render(<Family />)
    await userEvent.click(screen.getByRole('button', { name: 'Add a child' }))
    await userEvent.type(screen.getByLabelText('Child 1'), 'Ada')
    await userEvent.click(screen.getByRole('button', { name: 'Save' }))
    await userEvent.click(screen.getByRole('button', { name: 'Add a child' }))
    await userEvent.type(screen.getByLabelText('Child 2'), 'Bob')
    await userEvent.click(screen.getByRole('button', { name: 'Save' }))
    expect(screen.getAllByRole('listitem').map((li) => li.textContent?.split(' ')[0])).toEqual(['Ada', 'Bob'])
    await userEvent.click(screen.getAllByRole('button', { name: 'Remove' })[0] as HTMLElement)
    expect(screen.getAllByRole('listitem')).toHaveLength(1)
    await userEvent.click(screen.getByRole('button', { name: 'Continue' }))
    expect(screen.queryByRole('list')).not.toBeInTheDocument()
    await userEvent.click(screen.getByRole('button', { name: 'Send' }))
    expect(screen.getByText('Thanks.')).toBeInTheDocument()
  })
})
